'use strict';
// candour serve in real headless Chromium: open a page, edit its Markdown on disk, and see
// the browser show the new text with no action taken in the browser (issue 3).

const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { after, before, test } = require('node:test');
const lib = require('./lib/sites');

const repo = path.resolve(__dirname, '..', '..');
let site;
let server;
let browser;

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/**
 * Starts `candour serve` on a copy of the example site the way the README says: in the
 * site's folder, with no --root. Resolves with its URL.
 */
async function startServer(root) {
  const port = await freePort();
  const child = spawn(process.env.CANDOUR_BIN, ['serve', '--port', String(port)], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`candour serve did not start: ${text}`)), 20000);
    child.stderr.on('data', (chunk) => {
      text += chunk;
      const m = text.match(/ at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`candour serve exited with ${code}: ${text}`)));
  });
  child.stderr.resume();
  return { child, url };
}

before(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'candour-live-'));
  fs.cpSync(path.join(repo, 'content'), path.join(site, 'content'), { recursive: true });
  server = await startServer(site);
  browser = await lib.launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.child.kill();
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

test('an edit to a Markdown file shows in the open page by itself', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/about/`, { waitUntil: 'load' });
  assert.equal(await page.locator('script[src="/__candour/reload.js"]').count(), 1);
  const marker = `Written on disk at ${Date.now()}`;
  const file = path.join(site, 'content', 'pages', 'about.md');
  const started = Date.now();
  fs.appendFileSync(file, `\n${marker}\n`);
  await page.waitForFunction((text) => document.body.innerText.includes(text), marker, { timeout: 15000 });
  console.log(`live reload: the browser showed the edit ${Date.now() - started} ms after the write`);
});

test('a broken edit shows the overlay over the last good page, and the fix removes it', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/contact/`, { waitUntil: 'load' });
  const file = path.join(site, 'content', 'pages', 'contact.md');
  const good = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, good.replace('title:', 'titel:'));
  await page.waitForSelector('#candour-overlay', { timeout: 15000 });
  const overlay = await page.locator('#candour-overlay').innerText();
  assert.match(overlay, /unknown field `titel`/);
  assert.match(overlay, /content\/pages\/contact\.md:2:1/);
  assert.ok(await page.locator('main h1').count(), 'the last good page stays underneath');
  fs.writeFileSync(file, good);
  await page.waitForFunction(() => !document.getElementById('candour-overlay'), null, { timeout: 15000 });
});
