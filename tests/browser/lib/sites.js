'use strict';
// What every browser test shares: the sites that tests/browser/run built, their pages,
// a loopback server for each, Chromium, and the axe-core configuration.

const fs = require('node:fs');
const path = require('node:path');
const { serve } = require('./serve');

const CHROMIUM = process.env.CANDOUR_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

// WCAG 2.0, 2.1 and 2.2, levels A and AA: every axe rule carrying one of these tags runs.
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// Best-practice rules that guard what candour promises beyond the letter of WCAG: one h1,
// headings that do not skip levels, content inside landmarks, a working skip link.
const AXE_EXTRA_RULES = [
  'heading-order',
  'page-has-heading-one',
  'empty-heading',
  'empty-table-header',
  'landmark-one-main',
  'landmark-unique',
  'landmark-no-duplicate-banner',
  'landmark-no-duplicate-contentinfo',
  'landmark-no-duplicate-main',
  'region',
  'skip-link',
  'image-redundant-alt',
  'table-duplicate-name',
];

function manifest() {
  const file = process.env.CANDOUR_BROWSER_SITES;
  if (!file) {
    throw new Error('CANDOUR_BROWSER_SITES is not set: run the suite with tests/browser/run');
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The base URL a site was built for, from its home page's canonical link: the server
    mounts the site at that URL's path so root-relative links resolve. */
function baseUrlOf(dir) {
  const home = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const m = home.match(/<link rel="canonical" href="([^"]*)"/);
  const href = m ? m[1].replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&amp;/g, '&') : '/';
  return href;
}

/** Every built site: [{ name, dir, valid, baseUrl, basePath }]. */
function sites() {
  return manifest().sites.map((s) => {
    const baseUrl = baseUrlOf(s.dir);
    const basePath = /^https?:\/\//.test(baseUrl) ? new URL(baseUrl).pathname : baseUrl;
    return { ...s, baseUrl, basePath };
  });
}

function validSites() {
  return sites().filter((s) => s.valid);
}

function site(name) {
  const s = sites().find((x) => x.name === name);
  if (!s) throw new Error(`no site '${name}' in the manifest`);
  return s;
}

function walk(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Files of a built site whose name ends with `ext`, sorted, as absolute paths. */
function files(s, ext) {
  return walk(s.dir)
    .filter((f) => f.endsWith(ext))
    .sort();
}

/** Every page of a built site: [{ file, path }] where path is the URL path under the site. */
function pages(s) {
  return files(s, '.html').map((file) => {
    const rel = path.relative(s.dir, file).split(path.sep).join('/');
    const p = rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
    return { file, path: '/' + p };
  });
}

/** Starts a loopback server for each site; returns { [name]: { url(path), close } }. */
async function serveSites(list) {
  const servers = {};
  for (const s of list) {
    const server = await serve(s.dir, s.basePath);
    servers[s.name] = {
      base: server.url,
      url: (p) => server.url + p.replace(/^\//, ''),
      close: server.close,
    };
  }
  servers.closeAll = () => Promise.all(list.map((s) => servers[s.name].close()));
  return servers;
}

/** Launches Debian's Chromium through playwright-core; playwright gives it a fresh profile. */
async function launch() {
  const { chromium } = require('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

function axeSource() {
  return fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
}

/** Runs axe-core in a loaded page with the suite's rules; returns axe's results. */
async function runAxe(page, options = {}) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ content: axeSource() });
  }
  const rules = Object.fromEntries(AXE_EXTRA_RULES.map((r) => [r, { enabled: true }]));
  return page.evaluate(
    (opts) => window.axe.run(document, opts),
    {
      runOnly: { type: 'tag', values: AXE_TAGS },
      rules,
      resultTypes: ['violations'],
      ...options,
    },
  );
}

/** The ids of the rules an axe run applied, whatever their outcome. */
function rulesRun(results) {
  // A rule can appear in more than one list (passed for some elements, to review for others).
  const ids = [...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable].map((r) => r.id);
  return [...new Set(ids)].sort();
}

/** One line per violation, with up to three offending elements. */
function describeViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 3)
        .map((n) => `      ${n.target.join(' ')}: ${(n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 240)}`)
        .join('\n');
      return `    ${v.id} (${v.impact}, ${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'}): ${v.help}\n${nodes}`;
    })
    .join('\n');
}

module.exports = {
  AXE_TAGS,
  AXE_EXTRA_RULES,
  CHROMIUM,
  describeViolations,
  files,
  launch,
  pages,
  rulesRun,
  runAxe,
  serveSites,
  site,
  sites,
  validSites,
};
