'use strict';
// Keyboard use of the home page and a KPI page of the example site, with real Tab and Enter
// key presses: the skip link comes first and moves focus to <main id="main">; Tab then
// reaches every link and control once, in document order; and every focused element shows
// a focus indicator that differs from how it looks unfocused.

const assert = require('node:assert/strict');
const { after, before, describe, test } = require('node:test');
const lib = require('./lib/sites');
const { indicator, looks } = require('./lib/focus');

const example = lib.site('example');
const PAGES = ['/', '/performance/prevention-orders/'];
let browser;
let servers;

before(async () => {
  servers = await lib.serveSites([example]);
  browser = await lib.launch();
});

after(async () => {
  if (browser) await browser.close();
  if (servers) await servers.closeAll();
});

// Runs in the page: every element Tab should reach, in document order, each tagged with
// data-kb (its index) and described; and its unfocused look, to compare with its focused one.
function markFocusables() {
  const selector = [
    'a[href]',
    'area[href]',
    'button:not([disabled])',
    'input:not([disabled]):not([type="hidden"])',
    'select:not([disabled])',
    'textarea:not([disabled])',
    'summary',
    'iframe',
    '[contenteditable=""]',
    '[contenteditable="true"]',
    '[tabindex]',
  ].join(',');
  const list = [...document.querySelectorAll(selector)].filter((el) => {
    if (el.getAttribute('tabindex') === '-1') return false;
    if (el.closest('[inert]')) return false;
    const style = getComputedStyle(el);
    // Not rendered (display: none anywhere above) or invisible: not a tab stop.
    return el.getClientRects().length > 0 && style.visibility !== 'hidden';
  });
  const positive = [...document.querySelectorAll('[tabindex]')].filter((el) => el.tabIndex > 0);
  list.forEach((el, i) => el.setAttribute('data-kb', String(i)));
  return { count: list.length, positive: positive.map((el) => el.outerHTML.slice(0, 80)) };
}

async function active(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const r = el.getBoundingClientRect();
    return {
      kb: el.getAttribute('data-kb'),
      tag: el.tagName.toLowerCase(),
      id: el.id,
      className: el.className && String(el.className),
      text: (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60),
      href: el.getAttribute('href'),
      rect: { x: r.x, y: r.y, width: r.width, height: r.height },
      inViewport: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
    };
  });
}

describe('keyboard', () => {
  for (const p of PAGES) {
    test(`skip link is the first tab stop and moves focus to main, on ${p}`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      try {
        await page.goto(servers.example.url(p), { waitUntil: 'load' });
        await page.keyboard.press('Tab');
        const first = await active(page);
        assert.ok(first, 'Tab focuses something');
        assert.equal(first.href, '#main', `the first tab stop is the skip link, not ${JSON.stringify(first)}`);
        assert.match(first.text, /skip to main content/i);
        assert.ok(first.inViewport, `the focused skip link is on screen: ${JSON.stringify(first.rect)}`);
        await page.keyboard.press('Enter');
        const target = await page.evaluate(() => {
          const el = document.activeElement;
          return { tag: el.tagName.toLowerCase(), id: el.id, hash: location.hash };
        });
        assert.deepEqual(target, { tag: 'main', id: 'main', hash: '#main' }, 'Enter on the skip link focuses <main id="main">');
        // The next Tab continues from the main content: its first focusable element.
        await page.keyboard.press('Tab');
        const next = await active(page);
        const expected = await page.evaluate(() => {
          const main = document.getElementById('main');
          const el = main.querySelector('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])');
          return el ? (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60) : null;
        });
        assert.ok(next, 'Tab after the skip link focuses something');
        assert.equal(next.text, expected, 'Tab after the skip link goes to the first link in the main content');
        console.log(`keyboard ${p}: skip link first, Enter focuses <main id="main">, then Tab reaches “${next.text}”`);
      } finally {
        await page.close();
      }
    });

    test(`Tab reaches every link and control in document order, each with a visible focus indicator, on ${p}`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      try {
        await page.goto(servers.example.url(p), { waitUntil: 'load' });
        const { count, positive } = await page.evaluate(markFocusables);
        assert.deepEqual(positive, [], 'no element has a positive tabindex, which would break document order');
        assert.ok(count > 10, `the page has links to tab through (found ${count})`);
        // Each element's look before anything is focused.
        const unfocused = await looks(page, '[data-kb]');
        const reached = [];
        const problems = [];
        for (let i = 0; i < count + 5; i += 1) {
          await page.keyboard.press('Tab');
          const a = await active(page);
          if (!a) break; // past the last element, focus leaves the document
          if (a.kb === null) {
            problems.push(`Tab reached an element the test did not expect: ${JSON.stringify(a)}`);
            continue;
          }
          const idx = Number(a.kb);
          if (reached.length && idx < reached[reached.length - 1]) break; // wrapped round
          reached.push(idx);
          const focused = await looks(page, null);
          const why = indicator(focused, unfocused[idx]);
          if (!why) {
            problems.push(`no visible focus indicator on ${a.tag} “${a.text}” (${a.href ?? ''}): focused ${JSON.stringify(focused)}, unfocused ${JSON.stringify(unfocused[idx])}`);
          }
          if (!a.inViewport) problems.push(`focused ${a.tag} “${a.text}” is not on screen: ${JSON.stringify(a.rect)}`);
        }
        const expected = [...Array(count).keys()];
        assert.deepEqual(problems, []);
        assert.deepEqual(reached, expected, `Tab visits all ${count} links and controls once each, in document order`);
        console.log(`keyboard ${p}: Tab reached ${reached.length} of ${count} links and controls in document order, each with a visible focus indicator`);
      } finally {
        await page.close();
      }
    });
  }
});
