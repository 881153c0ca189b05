'use strict';
// Every link, stylesheet and image on every page of every valid site that points into the
// site resolves, as the browser resolves it, to a file the server has (HTTP 200), and every
// #fragment names an id on its target page. A site built for a base URL with a path
// (see fixtures/light) is served under that path, so a link that forgets it fails here.

const assert = require('node:assert/strict');
const { after, before, describe, test } = require('node:test');
const lib = require('./lib/sites');

const sites = lib.validSites();
let browser;
let servers;
const fetched = new Map(); // url without fragment -> Promise<{ status, body }>

before(async () => {
  servers = await lib.serveSites(sites);
  browser = await lib.launch();
});

after(async () => {
  if (browser) await browser.close();
  if (servers) await servers.closeAll();
});

function get(url) {
  if (!fetched.has(url)) {
    fetched.set(
      url,
      fetch(url, { redirect: 'manual' }).then(async (r) => ({
        status: r.status,
        body: (r.headers.get('content-type') || '').startsWith('text/html') ? await r.text() : '',
      })),
    );
  }
  return fetched.get(url);
}

for (const s of sites) {
  describe(`links, site '${s.name}'`, () => {
    for (const p of lib.pages(s)) {
      test(`${s.name} ${p.path}`, async () => {
        const page = await browser.newPage();
        const base = servers[s.name].base;
        try {
          await page.goto(servers[s.name].url(p.path), { waitUntil: 'load' });
          const targets = await page.evaluate(() => [
            ...[...document.querySelectorAll('a[href], area[href], link[href]')].map((e) => ({ what: e.tagName.toLowerCase(), url: e.href })),
            ...[...document.querySelectorAll('img[src], script[src], source[src]')].map((e) => ({ what: e.tagName.toLowerCase(), url: e.src })),
          ]);
          const own = targets.filter((t) => t.url.startsWith(new URL(base).origin + '/'));
          const problems = [];
          for (const t of own) {
            const u = new URL(t.url);
            const fragment = decodeURIComponent(u.hash.slice(1));
            u.hash = '';
            if (!u.href.startsWith(base)) {
              problems.push(`${t.what} ${t.url} is outside the site's base path ${new URL(base).pathname}`);
              continue;
            }
            const r = await get(u.href);
            if (r.status !== 200) {
              problems.push(`${t.what} ${t.url} answers HTTP ${r.status}`);
            } else if (fragment && r.body && !r.body.includes(`id="${fragment}"`)) {
              problems.push(`${t.what} ${t.url}: no element with id "${fragment}" on that page`);
            }
          }
          console.log(`links ${s.name} ${p.path}: ${own.length} links into the site, ${problems.length} broken`);
          assert.deepEqual(problems, []);
        } finally {
          await page.close();
        }
      });
    }
  });
}
