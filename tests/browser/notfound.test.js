'use strict';
// The 404 page of a bilingual site (issue 13): a static host serves one /404.html for every
// address the site does not have, a Welsh one (/cy/...) too, so that page says it in both
// languages, its own first (<h1>) and the other in a section with its lang and an <h2>,
// whose links go to that language's pages. Served as a host serves it (status 404, for a
// missing address in either language), it passes axe (valid-lang checked) and every link
// in it answers 200.

const assert = require('node:assert/strict');
const { after, before, describe, test } = require('node:test');
const lib = require('./lib/sites');

const sites = lib.validSites().filter((s) => s.name.startsWith('bilingual'));
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

test('both bilingual fixtures are built', () => {
  assert.deepEqual(sites.map((s) => s.name).sort(), ['bilingual', 'bilingual-cy']);
});

for (const s of sites) {
  // The default language, and the other one's prefix.
  const [first, other] = s.name === 'bilingual' ? ['en', 'cy'] : ['cy', 'en'];
  describe(`404, site '${s.name}'`, () => {
    for (const missing of ['/no-such-page/', `/${other}/no-such-page/`]) {
      test(`${s.name} ${missing}: both languages, each with its lang`, async () => {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        try {
          const response = await page.goto(servers[s.name].url(missing), { waitUntil: 'load' });
          assert.equal(response.status(), 404);
          const shown = await page.evaluate(() => ({
            lang: document.documentElement.lang,
            h1: document.querySelector('main h1').textContent,
            parts: [...document.querySelectorAll('main section.not-found-other')].map((sec) => ({
              lang: sec.lang,
              h2: sec.querySelector('h2').textContent,
              labelled: sec.getAttribute('aria-labelledby') === sec.querySelector('h2').id,
              links: [...sec.querySelectorAll('a[href^="/"]')].map((a) => a.getAttribute('href')),
              visible: sec.getBoundingClientRect().height > 0,
            })),
          }));
          assert.equal(shown.lang, first);
          const heading = { en: 'Page not found', cy: "Heb ddod o hyd i'r dudalen" };
          assert.equal(shown.h1, heading[first]);
          assert.equal(shown.parts.length, 1);
          const part = shown.parts[0];
          assert.equal(part.lang, other);
          assert.equal(part.h2, heading[other]);
          assert.ok(part.labelled && part.visible);
          assert.ok(part.links.length >= 2, 'the other language part links to its pages');
          for (const href of part.links) {
            assert.ok(href.startsWith(`/${other}/`), `${href} goes to the ${other} pages`);
            const r = await fetch(servers[s.name].url(href));
            assert.equal(r.status, 200, href);
          }
          const results = await lib.runAxe(page);
          assert.equal(results.violations.length, 0, lib.describeViolations(results.violations));
          assert.ok(results.passes.some((r) => r.id === 'valid-lang'), 'axe checked the part\'s lang');
        } finally {
          await page.close();
        }
      });
    }
  });
}
