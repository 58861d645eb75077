// Lighthouse 11 on a page that needs a signed-in user (Lighthouse cannot sign in by itself).
//
// Signs in through the real sign-in form with puppeteer-core (a dependency of Lighthouse), then
// audits `path` in the same tab with storage kept (disableStorageReset), so the tokens in
// IndexedDB survive. That also keeps the service worker and its precache: the audited load is
// a returning visit, not a first visit (the /signin run covers the cold load).
//
// usage: node signed-in.mjs BASE_URL PATH EMAIL PASSWORD OUTPUT.json
import { writeFileSync } from 'node:fs';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const [base, path, email, password, output] = process.argv.slice(2);
if (!output) {
  console.error('usage: node signed-in.mjs BASE_URL PATH EMAIL PASSWORD OUTPUT.json');
  process.exit(2);
}
const chromeFlags = (process.env.LH_CHROME_FLAGS ?? '').split(/\s+/).filter(Boolean);

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: 'new',
  args: chromeFlags,
  defaultViewport: null,
});
try {
  const page = await browser.newPage();
  await page.goto(`${base}/signin`, { waitUntil: 'networkidle0' });
  await page.type('#signin-email', email);
  await page.type('#signin-password', password);
  await Promise.all([
    page.waitForFunction(() => location.pathname !== '/signin', { timeout: 30_000 }),
    page.click('form button[type=submit]'),
  ]);
  await page.waitForSelector('main h1', { timeout: 30_000 });

  const result = await lighthouse(
    `${base}${path}`,
    {
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo', 'pwa'],
      disableStorageReset: true,
    },
    undefined,
    page,
  );
  if (!result) throw new Error('Lighthouse returned no result');
  const lhr = result.lhr;
  if (lhr.finalDisplayedUrl && new URL(lhr.finalDisplayedUrl).pathname.startsWith('/signin')) {
    throw new Error(`ended on ${lhr.finalDisplayedUrl}: the sign-in did not hold`);
  }
  writeFileSync(output, typeof result.report === 'string' ? result.report : result.report[0]);
} finally {
  await browser.close();
}
