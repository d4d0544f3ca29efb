#!/usr/bin/env node
// Compares the compiler's verdict (harness.js output) with fpcheck's JSON
// report for one project and prints one tab-separated row:
//   project  verdict  first-message  fpcheck-errors  path-match  status
// status is OK, MISMATCH or HARNESS (the harness or fpcheck failed).
//   node compare.js NAME HARNESS.json FPCHECK.json [FPCHECK.stderr]
'use strict';
const fs = require('fs');

const [name, hFile, fFile, fLog] = process.argv.slice(2);
function readJSON(f) {
  try {
    const text = fs.readFileSync(f, 'utf8').trim();
    return JSON.parse(text);
  } catch (e) { return { __error: String(e.message || e) }; }
}
function oneLine(s, n) {
  s = String(s).replace(/\s+/g, ' ').trim();
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
const h = readJSON(hFile);
const f = readJSON(fFile);
const row = (verdict, msg, errs, match, status) =>
  process.stdout.write([name, verdict, msg, errs, match, status].join('\t') + '\n');

if (h.__error || h.harnessError || typeof h.accepted !== 'boolean') {
  row('HARNESS', oneLine(h.harnessError || h.__error || 'no verdict', 90), '-', '-', 'HARNESS');
  process.exit(0);
}
if (f.__error || !Array.isArray(f.findings)) {
  // fpcheck gave no report: it refused the directory (e.g. no app.json)
  // or failed.
  let why = f.__error || 'no findings array';
  try { why = fs.readFileSync(fLog, 'utf8').trim() || why; } catch (_) { /* no log */ }
  const first = h.accepted ? '-' : oneLine(h.errors[0] || '(no message)', 90);
  // fpcheck refusing the directory (exit 2: not a project) is a rejection too.
  const refused = /is not a mini-program or plugin project/.test(why);
  if (refused && !h.accepted) {
    row('reject', first, '(refused: exit 2)', '-', 'OK');
    process.exit(0);
  }
  row(h.accepted ? 'accept' : 'reject', first, '(no report)', '-', 'MISMATCH');
  process.stdout.write(`#\t${name}: fpcheck gave no report: ${oneLine(why, 300)}\n`);
  process.exit(0);
}
const errors = f.findings.filter((x) => x.level === 'error');
const byRule = {};
for (const e of errors) byRule[e.rule] = (byRule[e.rule] || 0) + 1;
const errText = Object.keys(byRule).sort().map((r) => (byRule[r] > 1 ? `${r}×${byRule[r]}` : r)).join(',') || '-';

if (h.accepted) {
  const detail = errors.length ? errors.map((e) => `${e.path}:${e.line}: ${e.message} [${e.rule}]`).join(' | ') : '';
  row('accept', '-', errText, '-', errors.length ? 'MISMATCH' : 'OK');
  if (detail) process.stdout.write(`#\t${name}: false error(s): ${oneLine(detail, 400)}\n`);
  process.exit(0);
}
const first = h.errors[0] || '(no message)';
// The compiler prefixes its message with the file it judged ("app.json: ...",
// "plugin/plugin.json: ...") when it names one.
const m = /^([^\s:"]+\.(?:json|wxml|js|wxss|wxs)):/.exec(first);
let match = '-';
if (m && errors.length) match = errors.some((e) => e.path === m[1]) ? `yes (${m[1]})` : `no (${m[1]})`;
else if (m) match = `(${m[1]})`;
row('reject', oneLine(first, 90), errText, match, errors.length ? 'OK' : 'MISMATCH');
if (!errors.length) process.stdout.write(`#\t${name}: compiler: ${oneLine(h.errors.join(' | '), 400)}\n`);
