// Preloaded (node --require) into the harness and, through NODE_OPTIONS, into
// any process the compiler forks: disables every network path.
//  - node's http/https/http2/net/tls/dns entry points throw;
//  - the compiler's own dist/utils/request.js `request` rejects, `simpleRequest`
//    throws, and proxy discovery is a no-op.
// An attempt is recorded in global.__difftestNet and its message carries the
// marker "difftest: network disabled" so the harness can tell it apart from a
// verdict about the project.
'use strict';
const path = require('path');

const MARK = 'difftest: network disabled';
global.__difftestNet = global.__difftestNet || [];
function note(what) { global.__difftestNet.push(what); return new Error(`${MARK} (${what})`); }
function blocked(what) { return function () { throw note(what); }; }

for (const name of ['http', 'https', 'http2']) {
  const m = require(name);
  for (const fn of ['request', 'get', 'connect']) if (typeof m[fn] === 'function') m[fn] = blocked(`${name}.${fn}`);
}
const net = require('net');
net.connect = blocked('net.connect');
net.createConnection = blocked('net.createConnection');
require('tls').connect = blocked('tls.connect');
const dns = require('dns');
dns.lookup = blocked('dns.lookup');
dns.resolve = blocked('dns.resolve');
if (typeof globalThis.fetch === 'function') globalThis.fetch = () => Promise.reject(note('fetch'));

const mpciDir = process.env.MPCI_DIR;
if (mpciDir) {
  const req = require(path.join(mpciDir, 'dist/utils/request'));
  req.request = (opt) => Promise.reject(note(`request ${opt && opt.url}`));
  req.simpleRequest = blocked('simpleRequest');
  req.initGlobalProxy = () => {};
  req.setCiProxy = () => {};
}
module.exports = { MARK };
