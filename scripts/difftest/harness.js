#!/usr/bin/env node
// Differential-test harness: runs the local compile step of the official
// WeChat compiler (npm miniprogram-ci) on a project directory, offline, and
// prints one JSON line {"accepted": bool, "errors": [...]}.
//
//   node scripts/difftest/harness.js DIR [--plugin]
//
// Exit 0 on a verdict, 2 if the harness itself failed.
// MPCI_DIR points at the installed package (default /tmp/mpci/node_modules/miniprogram-ci).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const Module = require('module');

const TIMEOUT_MS = 60000;

function out(obj, code) {
  process.stdout.write(JSON.stringify(obj) + '\n');
  process.exit(code);
}
function fail(msg) {
  out({ accepted: false, errors: [], harnessError: String(msg) }, 2);
}

const args = process.argv.slice(2);
const plugin = args.includes('--plugin');
const dirs = args.filter((a) => !a.startsWith('--'));
if (dirs.length !== 1) fail('usage: harness.js DIR [--plugin]');
const src = path.resolve(dirs[0]);
if (!fs.existsSync(src) || !fs.statSync(src).isDirectory()) fail(`not a directory: ${src}`);

const mpciDir = process.env.MPCI_DIR || '/tmp/mpci/node_modules/miniprogram-ci';
if (!fs.existsSync(path.join(mpciDir, 'package.json'))) fail(`miniprogram-ci not found at ${mpciDir}`);

// 1. No network at all (netblock.js, also preloaded into any child process).
process.env.MPCI_DIR = mpciDir;
process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS || ''} --require ${JSON.stringify(path.join(__dirname, 'netblock.js'))}`.trim();
const { MARK } = require('./netblock.js');
// The one request the compiler makes on its own during a local compile:
// dist/utils/white_ext_list.js fetches the list of file extensions allowed in
// a package and, when the request fails, uses its built-in list (exactly what
// happens when WeChat's server is unreachable). That failure is expected.
const EXPECTED = /\/wxa\/ci\/getwhiteextlist/;

// 2. Work on a copy: the compiler may write caches next to the project.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'difftest-'));
const proj = path.join(work, 'project');
fs.cpSync(src, proj, { recursive: true, verbatimSymlinks: true });
const keyPath = path.join(work, 'private.key');
const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
fs.writeFileSync(keyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }));
function cleanup() {
  try { fs.rmSync(work, { recursive: true, force: true }); } catch (_) { /* ignore */ }
}

// 3. The account attribute fetch (getProjectAttr -> GET_ATTR_URL) is replaced
//    by CIProject's own `attr` option, returning the compiler's built-in
//    DefaultProjectAttr (the value it falls back to when the server answers
//    with an error), so no signature or request happens.
const config = require(path.join(mpciDir, 'dist/config/config'));
const attr = JSON.parse(JSON.stringify(config.DefaultProjectAttr));

const messages = [];
function collect(e) {
  if (e == null) return;
  let s = typeof e === 'string' ? e : (e.message || String(e));
  s = s.split(proj + '/').join('').split(proj).join('.');
  messages.push(s.trim());
}

const timer = setTimeout(() => {
  cleanup();
  fail(`timeout after ${TIMEOUT_MS / 1000}s`);
}, TIMEOUT_MS);
timer.unref();

// Run the compiler's worker in this process instead of a forked child
// (dist/utils/debug.js shouldRunInMainProcess reads this localStorage flag,
// which WeChat DevTools sets): the same handler code, about a second faster
// per project, and everything stays under the network stubs above.
if (process.env.DIFFTEST_FORK !== '1') {
  global.localStorage = { getItem: (k) => (k === 'compilerInMainProcess' ? '1' : null) };
}

async function main() {
  // Quiet the compiler's logging; its own stdout must not mix with ours.
  const realWrite = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => process.stderr.write(chunk, ...rest);
  const ci = require(mpciDir);
  const { getCompiler } = require(path.join(mpciDir, 'dist/ci/getcompiler'));
  const { formatCISetting } = require(path.join(mpciDir, 'dist/ci/utils/tools'));
  let verdict;
  try {
    // The appid: project.config.json's, as ci.upload users pass it; the
    // compiler compares a plugin project's "dev" plugins with
    // project.config.json's pluginAppid, or else this appid.
    let appid = 'wx0123456789abcdef';
    try {
      const pc = JSON.parse(fs.readFileSync(path.join(proj, 'project.config.json'), 'utf8'));
      if (typeof pc.appid === 'string' && pc.appid) appid = pc.appid;
    } catch (_) { /* no or bad project.config.json: keep the default */ }
    const project = new ci.Project({
      appid,
      type: plugin ? 'miniProgramPlugin' : 'miniProgram',
      projectPath: proj,
      privateKeyPath: keyPath,
      ignores: ['node_modules/**/*'],
      attr: async () => attr,
    });
    // What innerUpload (ci.upload) does before packing and sending:
    //   getCompiler(project, setting) then compiler.compile({...,resultType:"prod"}).
    const setting = { useProjectConfig: false };
    const compiler = await getCompiler(project, setting);
    try {
      await compiler.compile({
        setting: formatCISetting(project, setting),
        onProgressUpdate: () => {},
        resultType: 'prod',
        disableSpreadingUsingComponents: true,
      });
      verdict = { accepted: true, errors: [] };
    } finally {
      try { await compiler.destroy(); } catch (_) { /* ignore */ }
    }
  } catch (e) {
    collect(e);
    verdict = { accepted: false, errors: messages };
  }
  process.stdout.write = realWrite;
  const netBlocked = global.__difftestNet.filter((w) => !EXPECTED.test(w));
  if (messages.some((m) => m.includes(MARK))) netBlocked.push('child process');
  if (netBlocked.length) {
    // The compiler wanted the network: not a verdict about the project.
    cleanup();
    fail(`compiler tried the network: ${netBlocked.join(', ')}; ${messages.join(' | ')}`);
  }
  cleanup();
  out(verdict, 0);
}

main().catch((e) => { cleanup(); fail(e && e.stack || e); });
