'use strict';
// Charts, tables and status tags on every page of every valid site, as Chromium exposes
// them to assistive technology (the checks are in lib/charts.js):
// - every <svg> is either hidden from assistive technology or a chart announced as an image
//   (role="img") with a non-empty accessible name and a separate description, its text
//   readable (4.5:1 on white), and followed within its section by a captioned table that
//   holds every figure it draws;
// - every table has a caption and every header cell a scope (tables written in Markdown,
//   which has no caption syntax, must instead follow a heading and have a header row);
// - status tags always carry visible words, so colour is never the only carrier of meaning.

const assert = require('node:assert/strict');
const { after, before, describe, test } = require('node:test');
const lib = require('./lib/sites');
const { checkPage } = require('./lib/charts');

const sites = lib.validSites();
let browser;
let servers;
const totals = { charts: 0, tables: 0, markdownTables: 0, tags: 0 };

before(async () => {
  servers = await lib.serveSites(sites);
  browser = await lib.launch();
});

after(async () => {
  if (browser) await browser.close();
  if (servers) await servers.closeAll();
  console.log(
    `charts and tables: ${totals.charts} charts, ${totals.tables} theme tables, ` +
      `${totals.markdownTables} Markdown tables and ${totals.tags} status tags checked`,
  );
});

for (const s of sites) {
  describe(`charts, tables and tags, site '${s.name}'`, () => {
    for (const p of lib.pages(s)) {
      test(`${s.name} ${p.path}`, async () => {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        try {
          await page.goto(servers[s.name].url(p.path), { waitUntil: 'load' });
          const r = await checkPage(page);
          for (const k of Object.keys(totals)) totals[k] += r[k];
          console.log(
            `charts ${s.name} ${p.path}: ${r.charts} charts, ${r.tables + r.markdownTables} tables` +
              `${r.markdownTables ? ` (${r.markdownTables} from Markdown)` : ''}, ${r.tags} status tags, ${r.problems.length} problems`,
          );
          assert.deepEqual(r.problems, [], `${s.name} ${p.path}`);
        } finally {
          await page.close();
        }
      });
    }
  });
}
