'use strict';
// The Nu HTML Checker from the vnu-jar package, run on the machine's Java.

const { spawnSync } = require('node:child_process');

const VNU = require.resolve('vnu-jar/build/dist/vnu.jar');

/** Runs vnu on files; returns its messages grouped by file path. */
function vnu(files, extra = []) {
  const r = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', '--stdout', ...extra, ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    throw new Error(`vnu gave no JSON report (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  const byFile = new Map(files.map((f) => [f, []]));
  for (const m of report.messages) {
    const file = m.url ? decodeURIComponent(m.url.replace(/^file:/, '')) : '(no file)';
    if (!byFile.has(file)) byFile.set(file, []);
    byFile.get(file).push(m);
  }
  return { byFile, status: r.status };
}

function describeMessages(messages) {
  return messages
    .map((m) => `    ${m.type}${m.subType ? '/' + m.subType : ''} at line ${m.lastLine ?? '?'}: ${m.message}\n      ${(m.extract || '').replace(/\s+/g, ' ').trim()}`)
    .join('\n');
}

module.exports = { describeMessages, vnu };
