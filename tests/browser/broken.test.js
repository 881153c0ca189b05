'use strict';
// Proof that the suite fails when it should.
//
// fixtures/broken builds (its faults are in a templates/ override and in raw HTML that
// `markdown.unsafe_html` lets through), and each check the suite runs on valid sites must
// find its fault on the broken about page: axe-core, the Nu HTML Checker, the 320px reflow
// check, the keyboard focus check, the chart checks and the phone checks.
//
// fixtures/refused has an image with no alt text written in Markdown: candour itself must
// refuse to build it, pointing at the file, line and column.

const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { after, before, describe, test } = require('node:test');
const lib = require('./lib/sites');
const { checkPage } = require('./lib/charts');
const { checkPhone } = require('./lib/phone');
const { indicator, looks } = require('./lib/focus');
const { vnu } = require('./lib/vnu');

const broken = lib.site('broken');
const PAGE = '/about/';
let browser;
let servers;

before(async () => {
  servers = await lib.serveSites([broken]);
  browser = await lib.launch();
});

after(async () => {
  if (browser) await browser.close();
  if (servers) await servers.closeAll();
});

async function open(viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  await page.goto(servers.broken.url(PAGE), { waitUntil: 'load' });
  return page;
}

describe('the broken fixture fails every check', () => {
  test('axe-core finds the missing alt text, the empty link, the low contrast and the skipped heading', async () => {
    const page = await open();
    try {
      const results = await lib.runAxe(page);
      const found = results.violations.map((v) => v.id).sort();
      console.log(`axe broken ${PAGE}: ${found.length} violations (${found.join(', ')}) — expected`);
      for (const rule of ['image-alt', 'link-name', 'color-contrast', 'heading-order']) {
        assert.ok(found.includes(rule), `axe reports ${rule} on the broken page (found: ${found.join(', ')})`);
      }
      // image-alt, link-name and color-contrast are WCAG A/AA rules, so a page with them
      // fails even with the best-practice rules switched off.
      const wcagOnly = await lib.runAxe(page, { rules: {} });
      const wcagFound = wcagOnly.violations.map((v) => v.id);
      for (const rule of ['image-alt', 'link-name', 'color-contrast']) {
        assert.ok(wcagFound.includes(rule), `${rule} is found by the WCAG tags alone`);
      }
    } finally {
      await page.close();
    }
  });

  test('the Nu HTML Checker finds the img without alt and the skipped heading level', () => {
    const file = path.join(broken.dir, 'about', 'index.html');
    const messages = vnu([file]).byFile.get(file) || [];
    const errors = messages.filter((m) => m.type === 'error');
    console.log(`vnu broken about/index.html: ${errors.length} errors — expected`);
    assert.ok(errors.some((m) => /“img” element must have an “alt” attribute/.test(m.message)), errors.map((m) => m.message).join('\n'));
    assert.ok(errors.some((m) => /heading “h4”.*follows the heading “h1”.*skipping 2 heading levels/.test(m.message)), errors.map((m) => m.message).join('\n'));
  });

  test('the 320px check finds sideways scrolling', async () => {
    const page = await open({ width: 320, height: 640 });
    try {
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.scrollingElement.scrollWidth,
        clientWidth: document.scrollingElement.clientWidth,
      }));
      console.log(`320px broken ${PAGE}: scrollWidth ${scrollWidth} > clientWidth ${clientWidth} — expected`);
      assert.ok(scrollWidth > clientWidth);
    } finally {
      await page.close();
    }
  });

  test('the keyboard check finds the link with no focus indicator', async () => {
    const page = await open();
    try {
      const unfocused = (await looks(page, 'a.no-focus'))[0];
      let reached = false;
      for (let i = 0; i < 40 && !reached; i += 1) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement.matches('a.no-focus'));
      }
      assert.ok(reached, 'Tab reaches the link');
      const focused = await looks(page, null);
      assert.equal(indicator(focused, unfocused), null, `no indicator is recognised: ${JSON.stringify(focused)}`);
      // And a normal link on the same page does have one.
      await page.keyboard.press('Shift+Tab');
      const other = await page.evaluate(() => document.activeElement.tagName);
      assert.equal(other, 'A');
      console.log('keyboard broken: the link with no focus indicator is caught — expected');
    } finally {
      await page.close();
    }
  });

  test('the chart check finds the unnamed chart with no table', async () => {
    const page = await open();
    try {
      const { problems } = await checkPage(page);
      console.log(`charts broken ${PAGE}: ${problems.length} problems — expected`);
      for (const want of [/role="null", not role="img"/, /no accessible name/, /not followed by a table/]) {
        assert.ok(problems.some((p) => want.test(p)), `${want} among:\n${problems.join('\n')}`);
      }
    } finally {
      await page.close();
    }
  });

  test('the phone check finds the broken word, the tall navigation and the tiny, overlapping chart text', async () => {
    const page = await open({ width: 390, height: 844 });
    try {
      const { problems } = await checkPhone(page, 390);
      console.log(`phone broken ${PAGE}: ${problems.length} problems — expected`);
      for (const want of [
        /“Status” is broken over \d lines in a cell of the table “A squeezed table”/,
        /the navigation is \d+px high, more than 64px/,
        /chart “A chart with tiny text”: “2020\/21 H1” is drawn [\d.]+px high/,
        /chart “A chart with tiny text”: “2020\/21 H1” and “2020\/21 H2” overlap/,
      ]) {
        assert.ok(problems.some((p) => want.test(p)), `${want} among:\n${problems.join('\n')}`);
      }
    } finally {
      await page.close();
    }
  });
});

describe('the refused fixture does not build', () => {
  test('candour build refuses an image with no alt text in Markdown, with file:line:column', () => {
    const bin = process.env.CANDOUR_BIN;
    assert.ok(bin, 'CANDOUR_BIN is set by tests/browser/run');
    const root = path.join(process.env.CANDOUR_FIXTURES || path.join(__dirname, 'fixtures'), 'refused');
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'candour-refused-'));
    const out = path.join(tmp, 'out');
    try {
      const r = spawnSync(bin, ['build', '--root', root, '--out', out], { encoding: 'utf8' });
      const said = `${r.stdout}${r.stderr}`;
      assert.equal(r.status, 1, `exit code 1 (content problems), got ${r.status}:\n${said}`);
      assert.match(said, /this image has no alternative text/);
      assert.match(said, /content\/pages\/about\.md:7:1/);
      assert.match(said, /heading level skips from h1 to h4/);
      assert.ok(!fs.existsSync(out), 'nothing is written');
      console.log('refused: candour build exits 1 at content/pages/about.md:7:1 (no alt text) — expected');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
