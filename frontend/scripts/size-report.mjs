// Reports the gzipped JavaScript a patient downloads on first load: the entry script(s) and
// modulepreloads referenced by dist/index.html plus their static imports (not lazy chunks).
// Fails (exit 1) when it exceeds the budget (default 60 KB; LOADLINE_JS_BUDGET_KB overrides).
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const budgetKB = Number(process.env.LOADLINE_JS_BUDGET_KB || 60);

if (!existsSync(join(dist, 'index.html'))) {
  console.error('size-report: dist/index.html not found; run the build first');
  process.exit(1);
}
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const refs = new Set();
for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) refs.add(m[1]);
for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) refs.add(m[1]);
for (const m of html.matchAll(/<link[^>]+href="([^"]+\.js)"[^>]+rel="modulepreload"/g)) refs.add(m[1]);

const toFile = (url) => join(dist, url.replace(/^\//, ''));
const seen = new Set();
const queue = [...refs].map(toFile);
while (queue.length) {
  const f = queue.shift();
  if (seen.has(f) || !existsSync(f)) continue;
  seen.add(f);
  const src = readFileSync(f, 'utf8');
  // static imports only: `import ... from "./x.js"` / `import "./x.js"` (not `import("./x.js")`)
  for (const m of src.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
    queue.push(resolve(dirname(f), m[1]));
  }
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
let total = 0;
let totalRaw = 0;
const rows = [];
for (const f of seen) {
  const buf = readFileSync(f);
  const g = gz(buf);
  total += g;
  totalRaw += buf.length;
  rows.push([relative(dist, f), buf.length, g]);
}
const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => toFile(m[1])).filter(existsSync);
const cssGz = css.reduce((n, f) => n + gz(readFileSync(f)), 0);

const kb = (n) => (n / 1024).toFixed(1);
console.log('\nFirst-load JavaScript (referenced by index.html, static imports followed):');
for (const [name, raw, g] of rows.sort((a, b) => b[2] - a[2])) console.log(`  ${name.padEnd(40)} ${kb(raw).padStart(7)} KB raw ${kb(g).padStart(7)} KB gzip`);
console.log(`  ${'TOTAL'.padEnd(40)} ${kb(totalRaw).padStart(7)} KB raw ${kb(total).padStart(7)} KB gzip  (budget ${budgetKB} KB)`);
console.log(`First-load CSS: ${kb(cssGz)} KB gzip`);

const all = [];
const walk = (d) => {
  for (const n of readdirSync(d)) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith('.js')) all.push(p);
  }
};
walk(dist);
const lazy = all.filter((f) => !seen.has(f));
console.log('Lazy / other JavaScript (not on the first load):');
for (const f of lazy.sort()) console.log(`  ${relative(dist, f).padEnd(40)} ${kb(gz(readFileSync(f))).padStart(7)} KB gzip`);

if (total / 1024 > budgetKB) {
  console.error(`\nFirst-load JavaScript is ${kb(total)} KB gzipped: over the ${budgetKB} KB budget.`);
  process.exit(1);
}
