// Prints the category scores of Lighthouse JSON reports, and every audit that pulls a
// category down (score below 0.9), with its title and, where Lighthouse gives one, the value.
//
// usage: node summary.mjs REPORT.json [REPORT.json ...]; exits 1 if a category is below 90.
import { readFileSync } from 'node:fs';

const ORDER = ['performance', 'accessibility', 'best-practices', 'seo', 'pwa'];
let low = false;
for (const file of process.argv.slice(2)) {
  const lhr = JSON.parse(readFileSync(file, 'utf8'));
  console.log(`\n${lhr.finalDisplayedUrl ?? lhr.requestedUrl}  (Lighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor})`);
  console.log(`  report: ${file}`);
  for (const id of ORDER) {
    const cat = lhr.categories[id];
    if (!cat) continue;
    const score = cat.score === null ? 'n/a' : Math.round(cat.score * 100);
    if (cat.score !== null && cat.score < 0.9) low = true;
    console.log(`  ${cat.title.padEnd(16)} ${String(score).padStart(3)}`);
    for (const ref of cat.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 0.9) continue;
      if (ref.weight === 0 && id !== 'pwa') continue;
      const value = audit.displayValue ? ` (${audit.displayValue})` : '';
      console.log(`      below 0.9: ${ref.id} = ${audit.score}${value}: ${audit.title}`);
    }
  }
  if (lhr.runWarnings?.length) console.log(`  warnings: ${lhr.runWarnings.join(' | ')}`);
}
process.exit(low ? 1 : 0);
