'use strict';
// Screenshots of a built site's pages at phone and desktop widths, to look at by eye (not a
// test: nothing is asserted). Each page is shot whole (the full height) at each width.
//
//   node tests/browser/screenshots.js BUILT_SITE OUT_DIR [PATH...]
//
// PATHs default to the home page, an update, a statement and a KPI page of the example
// site. Files are named OUT_DIR/<width>-<path with slashes as dashes>.png (the whole page),
// -top.png (the first screen) and -partN.png (each table and chart). Needs the npm
// packages (tests/browser/run installs them) and Chromium at /usr/bin/chromium (or
// CANDOUR_CHROMIUM).

const fs = require('node:fs');
const path = require('node:path');
const { serve } = require('./lib/serve');
const lib = require('./lib/sites');

const WIDTHS = [320, 390, 1280];
const DEFAULT_PATHS = [
  '/',
  '/updates/2020-21-h2/',
  '/statements/2019-20/',
  '/performance/prevention-orders/',
];

async function main() {
  const [dir, out, ...given] = process.argv.slice(2);
  if (!dir || !out) {
    console.error('usage: node tests/browser/screenshots.js BUILT_SITE OUT_DIR [PATH...]');
    process.exit(2);
  }
  const paths = given.length ? given : DEFAULT_PATHS;
  fs.mkdirSync(out, { recursive: true });
  const server = await serve(path.resolve(dir), '/');
  const browser = await lib.launch();
  try {
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 844 } });
      for (const p of paths) {
        await page.goto(server.url + p.replace(/^\//, ''), { waitUntil: 'load' });
        const name = p.replace(/^\/|\/$/g, '').replace(/\//g, '-') || 'home';
        const file = path.join(out, `${width}-${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
        // The first screen alone, and each table and chart on its own, are easier to look at
        // than a page many screens long.
        await page.screenshot({ path: file.replace(/\.png$/, '-top.png') });
        const parts = await page.$$('.table-wrap, figure.chart, .table-scroll');
        for (const [i, el] of parts.entries()) {
          await el.screenshot({ path: file.replace(/\.png$/, `-part${i + 1}.png`) });
        }
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
