'use strict';
// A small static file server for built sites, on loopback only.
//
// `serve(root, basePath)` resolves to { origin, url, close } once listening on 127.0.0.1
// at a free port. A site built for a base URL with a path (https://example.org/msa/) is
// served under that path, so its root-relative links work as they will when published.
// Folders are served by their index.html; a missing file gets the site's 404.html with
// status 404, as a static host would. Run as a script to browse a built site by hand:
//   node tests/browser/lib/serve.js public [/base/path/]

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.ico': 'image/x-icon',
};

function fileFor(root, urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  const full = path.resolve(root, '.' + path.posix.normalize('/' + rel));
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  let stat;
  try {
    stat = fs.statSync(full);
  } catch {
    return null;
  }
  if (stat.isDirectory()) {
    if (!urlPath.endsWith('/')) return { redirect: urlPath + '/' };
    const index = path.join(full, 'index.html');
    return fs.existsSync(index) ? { file: index } : null;
  }
  return stat.isFile() ? { file: full } : null;
}

function serve(rootDir, basePath = '/') {
  const root = path.resolve(rootDir);
  const base = basePath.endsWith('/') ? basePath : basePath + '/';
  const server = http.createServer((req, res) => {
    const send = (status, file, headers = {}) => {
      const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
      const body = fs.readFileSync(file);
      res.writeHead(status, { 'content-type': type, 'content-length': body.length, ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const notFound = () => {
      const page = path.join(root, '404.html');
      if (fs.existsSync(page)) return send(404, page);
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      return res.end();
    }
    const urlPath = new URL(req.url, 'http://127.0.0.1').pathname;
    if (!(urlPath + '/').startsWith(base)) return notFound();
    const found = fileFor(root, '/' + urlPath.slice(base.length));
    if (!found) return notFound();
    if (found.redirect) {
      res.writeHead(301, { location: base + found.redirect.slice(1) });
      return res.end();
    }
    send(200, found.file);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const origin = `http://127.0.0.1:${server.address().port}`;
      resolve({
        origin,
        url: origin + base,
        close: () => new Promise((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}

module.exports = { serve };

if (require.main === module) {
  const [root = 'public', base = '/'] = process.argv.slice(2);
  serve(root, base).then((s) => console.log(`Serving ${root} at ${s.url} (Ctrl-C to stop)`));
}
