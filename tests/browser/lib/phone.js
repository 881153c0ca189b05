'use strict';
// How one loaded page reads at a given width, shared by phone.test.js and broken.test.js:
// words broken inside table cells, the navigation's height and the size and overlap of
// chart text.

/** The navigation's largest height on a phone (up to 40em wide), in CSS px: one row. */
const NAV_MAX_HEIGHT = 64;
/** The width up to which NAV_MAX_HEIGHT holds (the theme's narrow-screen breakpoint). */
const PHONE_MAX_WIDTH = 640;
/** The smallest height chart text may be drawn at, in CSS px, at any width. */
const CHART_MIN_TEXT = 12.5;

// Runs in the page.
function inspect() {
  const text = (el) => (el.textContent || '').replace(/\s+/g, ' ').trim();

  // Each word of each table cell: a run of characters between spaces, cut after a hyphen,
  // dash or slash (where a line may break without breaking a word). A word drawn on more
  // than one line is broken.
  const broken = [];
  let words = 0;
  const cells = [...document.querySelectorAll('th, td')].filter((c) => c.getClientRects().length > 0);
  for (const cell of cells) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /[^\s\u2010\u2013\u2014/-]+[\u2010\u2013\u2014/-]?/g;
      for (let m = re.exec(node.data); m; m = re.exec(node.data)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        if (!rects.length) continue;
        words += 1;
        const lines = new Set(rects.map((r) => Math.round(r.top)));
        if (lines.size > 1) {
          const table = cell.closest('table');
          const name = table && table.caption ? text(table.caption) : text(cell.closest('tr') || cell).slice(0, 40);
          broken.push(`“${m[0]}” is broken over ${lines.size} lines in a cell of the table “${name}”`);
        }
      }
    }
  }

  const nav = document.querySelector('nav.site-nav');
  const navHeight = nav ? Math.round(nav.getBoundingClientRect().height) : 0;

  // Chart text: its drawn height (font size × the drawing's scale) and overlaps.
  const charts = [...document.querySelectorAll('svg[role="img"]')].map((svg) => {
    const texts = [...svg.querySelectorAll('text')]
      .filter((t) => t.getClientRects().length > 0)
      .map((t) => {
        const scale = t.getScreenCTM() ? t.getScreenCTM().a : 1;
        const r = t.getBoundingClientRect();
        return {
          text: text(t),
          size: Math.round(parseFloat(getComputedStyle(t).fontSize) * scale * 10) / 10,
          box: { left: r.left, right: r.right, top: r.top, bottom: r.bottom },
        };
      });
    const overlaps = [];
    for (let i = 0; i < texts.length; i += 1) {
      for (let j = i + 1; j < texts.length; j += 1) {
        const [a, b] = [texts[i].box, texts[j].box];
        // A pixel's grace: glyph boxes include the line's spacing.
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 1 && y > 1) overlaps.push(`“${texts[i].text}” and “${texts[j].text}”`);
      }
    }
    const title = svg.querySelector('title');
    return { title: title ? text(title) : '', texts, overlaps };
  });
  return { broken, words, cells: cells.length, navHeight, charts };
}

/** Checks the loaded page at `width` CSS px; returns { problems, navHeight, words, cells,
    chartTexts, smallestChartText }. */
async function checkPhone(page, width) {
  const facts = await page.evaluate(inspect);
  const problems = [...facts.broken];
  if (width <= PHONE_MAX_WIDTH && facts.navHeight > NAV_MAX_HEIGHT) {
    problems.push(`the navigation is ${facts.navHeight}px high, more than ${NAV_MAX_HEIGHT}px`);
  }
  let chartTexts = 0;
  let smallest = Infinity;
  for (const c of facts.charts) {
    for (const t of c.texts) {
      chartTexts += 1;
      smallest = Math.min(smallest, t.size);
      if (t.size < CHART_MIN_TEXT) {
        problems.push(`chart “${c.title}”: “${t.text}” is drawn ${t.size}px high, less than ${CHART_MIN_TEXT}px`);
      }
    }
    for (const o of c.overlaps) problems.push(`chart “${c.title}”: ${o} overlap`);
  }
  return {
    problems,
    navHeight: facts.navHeight,
    words: facts.words,
    cells: facts.cells,
    chartTexts,
    smallestChartText: Number.isFinite(smallest) ? smallest : null,
  };
}

module.exports = { checkPhone, NAV_MAX_HEIGHT, CHART_MIN_TEXT, PHONE_MAX_WIDTH };
