'use strict';
// The change history of a statement (issue 12), on the example site, which tests/browser/run
// builds from this git repository so its pages carry their history:
// - "Last updated" links to the history below it;
// - the history is a <details> disclosure that opens from the keyboard and the mouse with
//   JavaScript turned off, its entries hidden until then and listed once open;
// - axe finds nothing wrong with it open;
// - the changes page lists what changed, each with its date, and is linked from the footer.

const assert = require('node:assert/strict');
const { after, before, test } = require('node:test');
const lib = require('./lib/sites');

const site = lib.site('example');
let browser;
let servers;

before(async () => {
  servers = await lib.serveSites([site]);
  browser = await lib.launch();
});

after(async () => {
  if (browser) await browser.close();
  if (servers) await servers.closeAll();
});

const STATEMENT = '/statements/2019-20/';

test('the history opens without JavaScript, by keyboard and by mouse', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(servers.example.url(STATEMENT));
  const details = page.locator('section.history details');
  assert.equal(await details.count(), 1, 'the statement page has one history disclosure');
  const entries = page.locator('section.history .history-list li');
  assert.ok((await entries.count()) > 0, 'the history lists its changes');
  assert.equal(await details.evaluate((d) => d.open), false, 'closed at first');
  assert.equal(await entries.first().isVisible(), false, 'entries hidden while closed');

  // "Last updated" links to the history, whose heading is the link's target.
  const link = page.locator('.meta-list a[href="#history"]');
  assert.equal(await link.count(), 1);
  assert.equal(await page.locator('#history').count(), 1);

  // The keyboard: Tab onto the summary, Enter opens it.
  const summary = details.locator('summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  assert.equal(await details.evaluate((d) => d.open), true, 'Enter opens it');
  assert.equal(await entries.first().isVisible(), true, 'entries shown once open');
  const text = await entries.first().innerText();
  assert.match(text, /^\d{1,2} [A-Z][a-z]+ \d{4}: \S/, `an entry is a date and a note: ${text}`);
  await page.keyboard.press('Enter');
  assert.equal(await details.evaluate((d) => d.open), false, 'Enter closes it again');

  // The mouse.
  await summary.click();
  assert.equal(await details.evaluate((d) => d.open), true, 'a click opens it');
  await context.close();
});

test('axe finds nothing wrong with the history open', async () => {
  const page = await browser.newPage();
  await page.goto(servers.example.url(STATEMENT));
  await page.locator('section.history summary').click();
  const results = await lib.runAxe(page);
  assert.equal(results.violations.length, 0, lib.describeViolations(results.violations));
  await page.close();
});

test('the changes page lists dated changes and the footer links to it', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(servers.example.url('/'));
  const footer = page.locator('footer a', { hasText: 'Changes' });
  assert.equal(await footer.count(), 1, 'the footer links to the changes page');
  await footer.click();
  assert.equal(await page.locator('h1').innerText(), 'Changes');
  const items = page.locator('.changes-list li');
  assert.ok((await items.count()) > 0);
  for (const item of await items.all()) {
    assert.equal(await item.locator('time[datetime]').count(), 1, await item.innerText());
    assert.equal(await item.locator('a').count(), 1, await item.innerText());
  }
  await context.close();
});
