'use strict';
// The Nu HTML Checker (vnu-jar, on the machine's Java) on every built page and stylesheet
// of every valid site: zero errors. feed.xml and sitemap.xml must be well-formed XML (parsed
// by xmllint, a strict parser) and sitemap.xml must validate against the sitemap schema.

const assert = require('node:assert/strict');
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { describe, test } = require('node:test');
const lib = require('./lib/sites');
const { describeMessages, vnu } = require('./lib/vnu');

const SITEMAP_XSD = path.join(__dirname, 'sitemap.xsd');
const sites = lib.validSites();

/** xmllint's verdict on a file: { ok, output }. */
function xmllint(args) {
  const r = spawnSync('xmllint', args, { encoding: 'utf8' });
  if (r.error) throw r.error;
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
}

for (const s of sites) {
  describe(`Nu HTML Checker, site '${s.name}'`, () => {
    const html = lib.files(s, '.html');
    const css = lib.files(s, '.css');
    let checked;
    const results = () => {
      // One Java start for the whole site: vnu checks every page and stylesheet in one run.
      checked ??= vnu([...html, ...css], ['--also-check-css']);
      return checked;
    };
    for (const file of [...html, ...css]) {
      const rel = path.relative(s.dir, file);
      test(`vnu ${s.name} ${rel}`, () => {
        const messages = results().byFile.get(file) || [];
        const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
        console.log(`vnu ${s.name} ${rel}: ${errors.length} errors`);
        assert.equal(errors.length, 0, `the Nu HTML Checker found errors in ${s.name} ${rel}:\n${describeMessages(errors)}`);
      });
    }
    test(`vnu ${s.name}: no message about a file it was not given`, () => {
      const stray = [...results().byFile].filter(([f, ms]) => !html.includes(f) && !css.includes(f) && ms.length);
      assert.deepEqual(stray.map(([f, ms]) => `${f}:\n${describeMessages(ms)}`), []);
    });
  });

  describe(`XML, site '${s.name}'`, () => {
    const feed = path.join(s.dir, 'feed.xml');
    const sitemap = path.join(s.dir, 'sitemap.xml');

    test(`${s.name} feed.xml is well-formed Atom`, () => {
      const r = xmllint(['--noout', '--nonet', feed]);
      assert.ok(r.ok, `feed.xml is not well-formed:\n${r.output}`);
      const root = execFileSync('xmllint', ['--nonet', '--xpath', 'namespace-uri(/*)', feed], { encoding: 'utf8' });
      assert.equal(root.trim(), 'http://www.w3.org/2005/Atom', 'feed.xml is an Atom feed');
      const count = (xpath) =>
        Number(execFileSync('xmllint', ['--nonet', '--xpath', xpath, feed], { encoding: 'utf8' }).trim());
      // RFC 4287: a feed and each entry have exactly one id, title and updated.
      for (const el of ['id', 'title', 'updated']) {
        assert.equal(count(`count(/*[local-name()='feed']/*[local-name()='${el}'])`), 1, `feed has one ${el}`);
        const entries = count(`count(//*[local-name()='entry'])`);
        assert.equal(count(`count(//*[local-name()='entry']/*[local-name()='${el}'])`), entries, `each entry has one ${el}`);
      }
      console.log(`xml ${s.name} feed.xml: well-formed, ${count("count(//*[local-name()='entry'])")} entries`);
    });

    test(`${s.name} sitemap.xml is well-formed and valid against the sitemap schema`, () => {
      const r = xmllint(['--noout', '--nonet', '--schema', SITEMAP_XSD, sitemap]);
      assert.ok(r.ok, `sitemap.xml does not validate against sitemap.xsd:\n${r.output}`);
      const locs = execFileSync(
        'xmllint',
        ['--nonet', '--xpath', "//*[local-name()='loc']/text()", sitemap],
        { encoding: 'utf8' },
      )
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        // xmllint prints text nodes as they are in the file, character references included.
        .map((l) => l.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&amp;/g, '&'));
      assert.ok(locs.length > 0 && locs.length <= 50000, `a sitemap lists 1 to 50,000 URLs, not ${locs.length}`);
      // Every entry is an absolute URL under the site's base URL, for a page that was built;
      // every page but the 404 page is listed once.
      const base = s.baseUrl;
      const built = new Set(lib.pages(s).map((p) => p.path));
      for (const loc of locs) {
        assert.ok(loc.startsWith(base), `${loc} is under the base URL ${base}`);
        assert.ok(built.has('/' + loc.slice(base.length)), `${loc} is a page that was built`);
      }
      assert.equal(new Set(locs).size, locs.length, 'no URL is listed twice');
      const listed = new Set(locs.map((l) => '/' + l.slice(base.length)));
      // Each language has its 404 page (/404.html, /cy/404.html): none is listed.
      const missing = [...built].filter((p) => !p.endsWith('/404.html') && !listed.has(p));
      assert.deepEqual(missing, [], 'every page but the 404 pages is in the sitemap');
      // A site in several languages: each URL names its page in every language
      // (xhtml:link alternates, valid by the schema above), each a page that was built.
      // (xmllint fails, saying the set is empty, when there are none.)
      const links = xmllint(['--nonet', '--xpath', "//*[local-name()='link']/@href", sitemap]);
      assert.ok(links.ok || /XPath set is empty/.test(links.output), links.output);
      const alternates = (links.ok ? links.output : '')
        .split('\n')
        .map((l) => l.trim().replace(/^href="|"$/g, ''))
        .filter(Boolean);
      if (s.name.startsWith('bilingual')) {
        assert.equal(alternates.length, 2 * locs.length, 'each URL has its page in both languages');
        for (const href of alternates) {
          assert.ok(built.has('/' + href.slice(base.length)), `the alternate ${href} is a page that was built`);
        }
      } else {
        assert.equal(alternates.length, 0, 'a site in one language has no alternates');
      }
      console.log(`xml ${s.name} sitemap.xml: valid, ${locs.length} URLs`);
    });

    test(`${s.name} robots.txt names the sitemap by its absolute URL`, () => {
      const robots = fs.readFileSync(path.join(s.dir, 'robots.txt'), 'utf8');
      assert.match(robots, new RegExp(`^Sitemap: ${s.baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}sitemap\\.xml$`, 'm'));
    });
  });
}
