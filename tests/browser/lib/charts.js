'use strict';
// The checks of charts, tables and status tags on one loaded page, shared by charts.test.js
// (every valid page must have no problems) and broken.test.js (the broken chart must).

// Runs in the page: facts about every svg, table and tag, for the assertions below.
function inspect() {
  const text = (el) => (el ? (el.textContent || '').replace(/\s+/g, ' ').trim() : '');
  const byIds = (ids) => (ids || '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id));
  const rgb = (c) => (c.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => {
    const ch = (v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
  };
  const contrastOnWhite = (c) => 1.05 / (lum(rgb(c)) + 0.05);
  const visibleText = (el) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('.visually-hidden').forEach((h) => h.remove());
    return text(copy);
  };

  const svgs = [...document.querySelectorAll('svg')].map((svg, i) => {
    svg.setAttribute('data-svg', String(i));
    const hidden = svg.getAttribute('aria-hidden') === 'true';
    const labelled = byIds(svg.getAttribute('aria-labelledby'));
    const described = byIds(svg.getAttribute('aria-describedby'));
    const section = svg.closest('section') || svg.closest('main') || document.body;
    const table = [...section.querySelectorAll('table')].find(
      (t) => svg.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    // The figures the chart draws: each point's value and period label.
    const drawn = [...svg.querySelectorAll('.chart-points text')].map(text).filter(Boolean);
    const lowContrast = [...svg.querySelectorAll('text')]
      .map((t) => ({ text: text(t), fill: getComputedStyle(t).fill }))
      .filter((t) => contrastOnWhite(t.fill) < 4.5)
      .map((t) => `“${t.text}” in ${t.fill} (${contrastOnWhite(t.fill).toFixed(2)}:1)`);
    return {
      index: i,
      hidden,
      role: svg.getAttribute('role'),
      labelledby: svg.getAttribute('aria-labelledby'),
      labelledMissing: labelled.filter((e) => !e).length,
      labelledText: labelled.map(text).join(' '),
      describedby: svg.getAttribute('aria-describedby'),
      describedMissing: described.filter((e) => !e).length,
      describedText: described.map(text).join(' '),
      titleText: text(svg.querySelector(':scope > title')),
      descText: text(svg.querySelector(':scope > desc')),
      table: table ? { caption: text(table.caption), text: text(table) } : null,
      missingFromTable: table ? drawn.filter((d) => !text(table).includes(d)) : drawn,
      lowContrast,
    };
  });

  const tables = [...document.querySelectorAll('table')].map((t, i) => {
    const markdown = !!t.closest('.prose');
    const headers = [...t.querySelectorAll('th')];
    // For a Markdown table: the nearest heading before it, in the same part of the page.
    let heading = null;
    if (markdown) {
      const all = [...t.closest('.prose').querySelectorAll('h2, h3, h4, h5, h6, table')];
      const before = all.slice(0, all.indexOf(t)).filter((e) => e.tagName !== 'TABLE');
      heading = before.length ? text(before[before.length - 1]) : null;
    }
    return {
      index: i,
      markdown,
      caption: text(t.caption),
      headers: headers.length,
      headerRow: !!t.querySelector('thead th'),
      noScope: headers.filter((th) => !['row', 'col', 'rowgroup', 'colgroup'].includes(th.getAttribute('scope'))).map(text),
      heading,
      first: text(headers[0] || t).slice(0, 40),
    };
  });

  const tags = [...document.querySelectorAll('.tag')].map((el) => ({
    className: String(el.className),
    text: text(el),
    visible: visibleText(el),
  }));
  return { svgs, tables, tags };
}

/** Chromium's own accessible name, role and description of each svg. */
async function axNodes(page, count) {
  const cdp = await page.context().newCDPSession(page);
  const out = [];
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  for (let i = 0; i < count; i += 1) {
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `svg[data-svg="${i}"]` });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    const node = nodes[0] || {};
    const prop = (name) => (node.properties || []).find((p) => p.name === name);
    out.push({
      ignored: !!node.ignored,
      role: node.role && node.role.value,
      name: node.name && node.name.value,
      description: node.description && node.description.value,
      hidden: prop('hidden') && prop('hidden').value.value,
    });
  }
  await cdp.detach();
  return out;
}

/**
 * Checks the loaded page; returns { problems, charts, tables, markdownTables, tags }.
 * - every <svg> is hidden from assistive technology (aria-hidden="true") or is a chart
 *   exposed as an image with a name and a separate description, its text 4.5:1 on white,
 *   and followed in its section by a captioned table holding every figure it draws;
 * - every table has a caption (or, written in Markdown, a heading before it and a header
 *   row) and every header cell a scope;
 * - every status tag has visible words.
 */
async function checkPage(page) {
  const facts = await page.evaluate(inspect);
  const ax = await axNodes(page, facts.svgs.length);
  const problems = [];
  let charts = 0;

  facts.svgs.forEach((svg, i) => {
    if (svg.hidden) {
      if (!ax[i].ignored) problems.push(`svg ${i} has aria-hidden="true" but Chromium still exposes it`);
      return;
    }
    charts += 1;
    const where = `chart “${svg.titleText || svg.index}”`;
    if (svg.role !== 'img') problems.push(`${where} has role="${svg.role}", not role="img"`);
    if (ax[i].role !== 'image') problems.push(`${where} is exposed with role ${ax[i].role}, not as an image`);
    if (!svg.labelledby) problems.push(`${where} has no aria-labelledby`);
    if (svg.labelledMissing) problems.push(`${where}: aria-labelledby names ${svg.labelledMissing} id(s) that are not on the page`);
    if (svg.describedMissing) problems.push(`${where}: aria-describedby names ${svg.describedMissing} id(s) that are not on the page`);
    if (!svg.labelledText) problems.push(`${where}: aria-labelledby resolves to no text`);
    if (!svg.titleText) problems.push(`${where} has no <title>`);
    if (!svg.descText) problems.push(`${where} has no <desc> describing it`);
    if (!ax[i].name) problems.push(`${where} has no accessible name in Chromium`);
    if (!svg.describedby) problems.push(`${where} has no aria-describedby`);
    else if (!svg.describedText) problems.push(`${where}: aria-describedby resolves to no text`);
    if (!ax[i].description) problems.push(`${where} has no accessible description in Chromium`);
    else if ((ax[i].name || '').includes(ax[i].description)) {
      problems.push(`${where}: its description is repeated in its name, so it is read twice`);
    }
    if (!svg.table) problems.push(`${where} is not followed by a table in its section`);
    else if (!svg.table.caption) problems.push(`${where} is followed by a table with no caption`);
    if (svg.table && svg.missingFromTable.length) {
      problems.push(`${where}: figures drawn but not in the table after it: ${svg.missingFromTable.join(', ')}`);
    }
    if (svg.lowContrast.length) problems.push(`${where}: chart text below 4.5:1 on white: ${svg.lowContrast.join('; ')}`);
  });

  for (const t of facts.tables) {
    const where = `table ${t.index} (“${t.caption || t.first}”)`;
    if (t.noScope.length) problems.push(`${where}: header cells without a scope: ${t.noScope.join(' | ')}`);
    if (t.markdown) {
      // Markdown has no caption syntax: the heading above the table names it.
      if (!t.heading) problems.push(`${where}, written in Markdown, has no heading before it`);
      if (!t.headerRow) problems.push(`${where}, written in Markdown, has no header row`);
    } else {
      if (!t.caption) problems.push(`${where} has no caption`);
      if (!t.headers) problems.push(`${where} has no header cells`);
    }
  }

  for (const tag of facts.tags) {
    if (!tag.text) problems.push(`status tag .${tag.className.split(' ').join('.')} has no text`);
    else if (!tag.visible) problems.push(`status tag “${tag.text}” has no visible text, only hidden text`);
  }

  const md = facts.tables.filter((t) => t.markdown).length;
  return { problems, charts, tables: facts.tables.length - md, markdownTables: md, tags: facts.tags.length };
}

module.exports = { checkPage };
