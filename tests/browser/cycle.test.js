'use strict';
// The reporting cycle as readers see it, in Chromium:
// - the statement summary (the Home Office registry's questions and answers) on every
//   statement page: a section headed "Statement summary", reached from the contents list,
//   each part a heading followed by a description list whose every row is one question
//   (dt) and its answer (dd), all of it shown with JavaScript off;
// - the draft banner, on every draft page of the drafts fixture (built with --drafts) and on
//   no other page: visible, at the top of <main> before the page's heading, exposed as a
//   note with its words, and never on a page of a site built without --drafts.

const assert = require('node:assert/strict');
const { after, before, describe, test } = require('node:test');
const lib = require('./lib/sites');

const sites = lib.validSites();
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

/** What a page's statement summary looks like to a reader. */
async function summaryOf(page) {
  return page.evaluate(() => {
    const section = document.querySelector('section.registry-summary');
    if (!section) return null;
    const h2 = section.querySelector('h2');
    const parts = [...section.querySelectorAll('h3')].map((h3) => {
      const list = h3.nextElementSibling;
      const rows = list && list.tagName === 'DL'
        ? [...list.children].map((row) => ({
            tag: row.tagName,
            dts: row.querySelectorAll(':scope > dt').length,
            dds: row.querySelectorAll(':scope > dd').length,
            question: (row.querySelector('dt') || {}).innerText || '',
            answer: (row.querySelector('dd') || {}).innerText || '',
          }))
        : null;
      return { heading: h3.innerText, id: h3.id, rows };
    });
    const contents = document.querySelector('nav.contents a[href="#statement-summary"]');
    const box = section.getBoundingClientRect();
    return {
      heading: h2 && h2.innerText,
      labelled: section.getAttribute('aria-labelledby') === h2.id,
      contents: !!contents,
      visible: box.height > 0 && getComputedStyle(section).display !== 'none',
      parts,
    };
  });
}

for (const s of sites) {
  const statementPages = lib.pages(s).filter((p) => /\/statements\/[^/]+\/$/.test(p.path));
  describe(`statement summary, site '${s.name}'`, () => {
    for (const p of statementPages) {
      test(`${s.name} ${p.path}`, async () => {
        // JavaScript off: the summary is plain HTML.
        const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        try {
          await page.goto(servers[s.name].url(p.path), { waitUntil: 'load' });
          const summary = await summaryOf(page);
          assert.ok(summary, `${p.path} has no statement summary`);
          // The heading in the page's language (a bilingual site's Welsh pages: cy.yaml).
          const lang = await page.evaluate(() => document.documentElement.lang);
          assert.equal(summary.heading, lang === 'cy' ? "Crynodeb o'r datganiad" : 'Statement summary');
          assert.ok(summary.labelled, 'the section is labelled by its heading');
          assert.ok(summary.contents, 'the contents list links to the summary');
          assert.ok(summary.visible, 'the summary is shown without JavaScript');
          // The registry's sections, in its order.
          assert.deepEqual(
            summary.parts.map((x) => x.id),
            ['registry-organisations', 'registry-period', 'registry-areas', 'registry-sectors',
              'registry-years', 'registry-policies', 'registry-training', 'registry-monitoring',
              'registry-risks', 'registry-indicators', 'registry-progress'],
          );
          for (const part of summary.parts) {
            assert.ok(part.rows && part.rows.length > 0, `${part.heading} has a description list`);
            for (const row of part.rows) {
              assert.equal(row.tag, 'DIV', `${part.heading}: a row groups one question`);
              assert.equal(row.dts, 1, `${part.heading}: one question per row`);
              assert.equal(row.dds, 1, `${part.heading}: one answer per row`);
              assert.ok(row.question.trim() && row.answer.trim(), `${part.heading}: ${row.question}`);
            }
          }
          console.log(`summary ${s.name} ${p.path}: ${summary.parts.reduce((n, x) => n + x.rows.length, 0)} questions`);
        } finally {
          await context.close();
        }
      });
    }
  });

  describe(`draft banner, site '${s.name}'`, () => {
    test(`${s.name}: the banner is on drafts only`, async () => {
      const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
      let banners = 0;
      try {
        for (const p of lib.pages(s)) {
          await page.goto(servers[s.name].url(p.path), { waitUntil: 'load' });
          const b = await page.evaluate(() => {
            const banner = document.querySelector('.draft-banner');
            if (!banner) return null;
            const main = document.querySelector('main');
            const h1 = main && main.querySelector('h1');
            const box = banner.getBoundingClientRect();
            return {
              inMain: !!main && main.contains(banner),
              beforeHeading: !!h1 && !!(banner.compareDocumentPosition(h1) & Node.DOCUMENT_POSITION_FOLLOWING),
              role: banner.getAttribute('role'),
              text: banner.innerText,
              visible: box.width > 0 && box.height > 0 && getComputedStyle(banner).visibility !== 'hidden',
              onScreen: box.top < window.innerHeight,
            };
          });
          if (!b) continue;
          banners += 1;
          assert.equal(s.name, 'drafts', `${p.path}: a banner on a site built without --drafts`);
          assert.ok(b.inMain && b.beforeHeading, `${p.path}: the banner opens <main>, before the heading`);
          assert.equal(b.role, 'note');
          assert.match(b.text, /Draft — not published\./);
          assert.ok(b.visible && b.onScreen, `${p.path}: the banner is seen without scrolling far`);
        }
      } finally {
        await page.close();
      }
      if (s.name === 'drafts') {
        // The draft statement, update and page.
        assert.equal(banners, 3, 'three draft pages, each with its banner');
      }
      console.log(`draft banners ${s.name}: ${banners}`);
    });
  });
}
