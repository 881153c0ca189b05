'use strict';
// What a Welsh reader sees of text not yet in Welsh (issue 13), on the bilingual fixture: a
// link to a page not yet translated shows its English title inside lang="en" with a
// visible marker, "(Saesneg yn unig)", and no page-wide note; a page whose own content is
// English shows the note; the footer's licence is the Welsh Open Government Licence.

const assert = require('node:assert/strict');
const { after, before, test } = require('node:test');
const lib = require('./lib/sites');

const sites = lib.validSites().filter((s) => s.name === 'bilingual');
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

/** What the Welsh page at `path` shows of English text, its note and its licence. */
async function look(path) {
  const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
  try {
    await page.goto(servers.bilingual.url(path), { waitUntil: 'load' });
    return await page.evaluate(() => {
      const visible = (e) => !!e && e.getBoundingClientRect().height > 0 && getComputedStyle(e).visibility !== 'hidden';
      const link = document.querySelector('.footer-links a[href="/cy/reporting/"]');
      const english = link && link.querySelector('[lang="en"]');
      const marker = link && link.querySelector('.untranslated-link');
      const licence = document.querySelector('.site-footer a[rel="license"]');
      return {
        lang: document.documentElement.lang,
        englishTitle: english ? english.textContent : null,
        marker: marker ? marker.textContent : null,
        markerVisible: visible(marker),
        markerLang: marker ? marker.closest('[lang]').lang : null,
        note: visible(document.querySelector('main .untranslated-note')),
        licence: licence ? [licence.textContent, licence.getAttribute('href')] : null,
      };
    });
  } finally {
    await page.close();
  }
}

test('the bilingual fixture is built', () => {
  assert.equal(sites.length, 1);
});

test('a footer link to an untranslated page: English title with lang, a visible Welsh marker, no page note', async () => {
  // The pages whose own content is all Welsh (a page's history lists its commits' English
  // messages, marked, so /cy/about/ has the note for them).
  for (const path of ['/cy/', '/cy/statements/', '/cy/data/', '/cy/404.html']) {
    const shown = await look(path);
    assert.equal(shown.lang, 'cy', path);
    assert.equal(shown.englishTitle, 'Report modern slavery', path);
    assert.equal(shown.marker, '(Saesneg yn unig)', path);
    assert.ok(shown.markerVisible, `${path}: the marker is visible`);
    assert.equal(shown.markerLang, 'cy', `${path}: the marker is Welsh`);
    assert.equal(shown.note, false, `${path}: no page-wide note for a footer link`);
    assert.deepEqual(shown.licence, [
      'Trwydded Llywodraeth Agored fersiwn 3.0',
      'https://www.nationalarchives.gov.uk/doc/open-government-licence-cymraeg/version/3/',
    ]);
  }
});

test('a page whose own content is English shows the note', async () => {
  const shown = await look('/cy/reporting/');
  assert.equal(shown.note, true);
});
