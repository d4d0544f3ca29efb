#!/usr/bin/env node
// Does miniprogram-ci run project.config.json's "scripts" (beforeCompile,
// beforePreview, beforeUpload; WeChat DevTools' 自定义预处理) when it
// uploads? Copies the project DIR, sets each of those commands to one that
// writes a marker file and exits 1, and calls ci.upload offline (the
// network stubbed by netblock.js, the account attributes by the compiler's
// defaults, as harness.js does). Prints one JSON line:
//   {"scriptsRan": bool, "reachedUpload": bool, "error": "..."}
// reachedUpload: ci.upload got as far as its upload request (getrandstr,
// the step that signs the upload), i.e. past any point where it could have
// run the commands. Used by scripts/test-hooks.sh.
//
//   MPCI_DIR=…/node_modules/miniprogram-ci node scripts/difftest/before-upload.js DIR
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');

const mpciDir = process.env.MPCI_DIR;
if (!mpciDir || !fs.existsSync(path.join(mpciDir, 'package.json'))) {
  console.error('set MPCI_DIR to an installed miniprogram-ci');
  process.exit(2);
}
process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS || ''} --require ${JSON.stringify(path.join(__dirname, 'netblock.js'))}`.trim();
require('./netblock.js');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'before-upload-'));
const proj = path.join(work, 'project');
fs.cpSync(path.resolve(process.argv[2]), proj, { recursive: true, verbatimSymlinks: true, filter: (s) => !s.includes(`${path.sep}node_modules`) && !s.endsWith(`${path.sep}.git`) });
const marker = path.join(work, 'scripts-ran');
const pcPath = path.join(proj, 'project.config.json');
const pc = JSON.parse(fs.readFileSync(pcPath, 'utf8'));
const cmd = `echo ran >> ${JSON.stringify(marker)}; exit 1`;
pc.scripts = { beforeCompile: cmd, beforePreview: cmd, beforeUpload: cmd };
pc.appid = pc.appid || 'wx0123456789abcdef';
fs.writeFileSync(pcPath, JSON.stringify(pc, null, 2));
const keyPath = path.join(work, 'private.key');
const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
fs.writeFileSync(keyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }));
// The compiler's worker in this process, under the stubs (see harness.js).
global.localStorage = { getItem: (k) => (k === 'compilerInMainProcess' ? '1' : null) };

(async () => {
  const realWrite = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => process.stderr.write(chunk, ...rest);
  const ci = require(mpciDir);
  const config = require(path.join(mpciDir, 'dist/config/config'));
  const attr = JSON.parse(JSON.stringify(config.DefaultProjectAttr));
  const project = new ci.Project({
    appid: pc.appid,
    type: pc.compileType === 'plugin' ? 'miniProgramPlugin' : 'miniProgram',
    projectPath: proj,
    privateKeyPath: keyPath,
    ignores: ['node_modules/**/*'],
    attr: async () => attr,
  });
  let error = '';
  try {
    await ci.upload({ project, version: '1.0.0', desc: 'before-upload.js', setting: { useProjectConfig: true }, onProgressUpdate: () => {} });
  } catch (e) {
    error = String((e && e.message) || e);
  }
  process.stdout.write = realWrite;
  const out = {
    scriptsRan: fs.existsSync(marker),
    reachedUpload: global.__difftestNet.some((w) => /\/wxa\/ci\/getrandstr/.test(w)),
    error: error.slice(0, 300),
  };
  fs.rmSync(work, { recursive: true, force: true });
  console.log(JSON.stringify(out));
  process.exit(0);
})();
