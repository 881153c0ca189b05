'use strict';
// Every page of every valid site on a phone (320 and 390 CSS px wide) and on a desktop
// (1280 px): the checks are in lib/phone.js.
// - no word is broken across lines inside a table cell ("St/at/us");
// - the navigation is at most NAV_MAX_HEIGHT px high on a phone, so the content starts
//   near the top of the screen;
// - chart text is drawn at least CHART_MIN_TEXT px high, and no two of a chart's texts
//   overlap.

const assert = require('node:assert/strict');
const { after, before, describe, test } = require('node:test');
const lib = require('./lib/sites');
const { checkPhone, NAV_MAX_HEIGHT, CHART_MIN_TEXT } = require('./lib/phone');

const sites = lib.validSites();
const WIDTHS = [320, 390, 1280];
let browser;
let servers;

before(async () => {
  servers = await lib.serveSites(sites);
  browser = await lib.launch();
});

after(async () => {
  if (browser) await browser.close();
  if (servers) await servers.closeAll();
});

for (const s of sites) {
  describe(`on a phone, site '${s.name}'`, () => {
    for (const p of lib.pages(s)) {
      test(`${s.name} ${p.path}`, async () => {
        const problems = [];
        for (const width of WIDTHS) {
          const page = await browser.newPage({ viewport: { width, height: 844 } });
          try {
            await page.goto(servers[s.name].url(p.path), { waitUntil: 'load' });
            const r = await checkPhone(page, width);
            console.log(
              `phone ${s.name} ${p.path} at ${width}px: navigation ${r.navHeight}px high, ` +
                `${r.words} words in ${r.cells} table cells, ${r.chartTexts} chart texts ` +
                `(smallest ${r.smallestChartText}px), ${r.problems.length} problems`,
            );
            problems.push(...r.problems.map((m) => `${width}px: ${m}`));
          } finally {
            await page.close();
          }
        }
        assert.deepEqual(problems, [], `${s.name} ${p.path}`);
      });
    }
  });
}
