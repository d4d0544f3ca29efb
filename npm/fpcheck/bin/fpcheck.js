#!/usr/bin/env node
// The fpcheck launcher: runs the native fpcheck binary that npm installed
// from the platform package (@fpcheck/<os>-<cpu>, one of this package's
// optionalDependencies) with the same arguments, stdin, stdout and stderr,
// and exits as it exits. No download at install time, no dependencies.
//
// FPCHECK_BINARY=/path/to/fpcheck runs that binary instead.
'use strict';

const childProcess = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

// Exit code of fpcheck for a bad invocation; used here for "cannot start".
const EXIT_USAGE = 2;

const PLATFORMS = {
  'darwin arm64': '@fpcheck/darwin-arm64',
  'darwin x64': '@fpcheck/darwin-x64',
  'linux arm64': '@fpcheck/linux-arm64',
  'linux x64': '@fpcheck/linux-x64',
  'win32 arm64': '@fpcheck/win32-arm64',
  'win32 x64': '@fpcheck/win32-x64',
};

function fail(lines) {
  process.stderr.write(lines.join('\n') + '\n');
  process.exit(EXIT_USAGE);
}

function ownVersion() {
  try {
    return require('../package.json').version;
  } catch (e) {
    return 'latest';
  }
}

function binaryPath() {
  const override = process.env.FPCHECK_BINARY;
  if (override) {
    if (!fs.existsSync(override)) {
      fail([
        `fpcheck: FPCHECK_BINARY is set to ${override}, which does not exist.`,
        `fpcheck：环境变量 FPCHECK_BINARY 指向的 ${override} 不存在。`,
      ]);
    }
    return override;
  }
  const platform = `${process.platform}-${process.arch}`;
  const pkg = PLATFORMS[`${process.platform} ${process.arch}`];
  if (!pkg) {
    fail([
      `fpcheck: no fpcheck binary is published on npm for ${platform}.`,
      'Build it with Go: go install github.com/fpcheck/fpcheck/cmd/fpcheck@latest',
      'and set FPCHECK_BINARY to its path.',
      `fpcheck：npm 上没有 ${platform} 平台的 fpcheck 可执行文件。`,
      '请用 Go 构建：go install github.com/fpcheck/fpcheck/cmd/fpcheck@latest，',
      '并将环境变量 FPCHECK_BINARY 设为它的路径。',
    ]);
  }
  const exe = process.platform === 'win32' ? 'fpcheck.exe' : 'fpcheck';
  let dir;
  try {
    dir = path.dirname(require.resolve(`${pkg}/package.json`));
  } catch (e) {
    const version = ownVersion();
    fail([
      `fpcheck: the package ${pkg}, which holds the fpcheck binary for ${platform}, is not installed.`,
      'npm installs it as an optional dependency of fpcheck; it is usually missing because',
      '  - npm ran with --no-optional or --omit=optional (or omit=optional in .npmrc), or',
      '  - package-lock.json or node_modules was made on another OS or CPU and reused here.',
      'To fix it: delete node_modules (and package-lock.json if it came from another machine)',
      'and run npm install without --omit=optional, or install the package yourself:',
      `  npm install --save-dev fpcheck@${version} ${pkg}@${version}`,
      'Or set FPCHECK_BINARY to an fpcheck binary from https://github.com/fpcheck/fpcheck/releases',
      '',
      `fpcheck：未安装 ${pkg}（${platform} 平台的 fpcheck 可执行文件）。`,
      '它是 fpcheck 的可选依赖（optionalDependencies），缺失通常是因为：',
      '  - 安装时使用了 --no-optional 或 --omit=optional（或 .npmrc 中设置了 omit=optional）；',
      '  - package-lock.json 或 node_modules 是在其他操作系统或 CPU 上生成后拿来用的。',
      '解决办法：删除 node_modules（锁文件来自其他机器时也删除 package-lock.json），',
      '不加 --omit=optional 重新运行 npm install；或者直接安装：',
      `  npm install --save-dev fpcheck@${version} ${pkg}@${version}`,
      '也可以从 https://github.com/fpcheck/fpcheck/releases 下载 fpcheck，并将环境变量 FPCHECK_BINARY 设为它的路径。',
    ]);
  }
  const bin = path.join(dir, 'bin', exe);
  if (!fs.existsSync(bin)) {
    fail([
      `fpcheck: ${pkg} is installed but has no ${path.join('bin', exe)}; reinstall fpcheck.`,
      `fpcheck：已安装 ${pkg}，但其中没有 ${path.join('bin', exe)}，请重新安装 fpcheck。`,
    ]);
  }
  return bin;
}

const bin = binaryPath();
const child = childProcess.spawn(bin, process.argv.slice(2), {
  stdio: 'inherit',
  windowsHide: true,
});

// Signals sent to the launcher (kill, a CI runner cancelling a job) go to
// fpcheck too, so it never outlives the launcher. A terminal's Ctrl-C
// reaches both already; on Windows it always does, and forwarding SIGINT
// there would kill fpcheck outright, so it is only caught.
const forwarded = ['SIGTERM', 'SIGHUP', 'SIGINT'];
for (const sig of forwarded) {
  process.on(sig, () => {
    if (sig === 'SIGINT' && process.platform === 'win32') {
      return;
    }
    try {
      child.kill(sig);
    } catch (e) {
      // fpcheck has exited already.
    }
  });
}

child.on('error', (err) => {
  fail([
    `fpcheck: cannot run ${bin}: ${err.message}`,
    `fpcheck：无法运行 ${bin}：${err.message}`,
  ]);
});

child.on('exit', (code, signal) => {
  if (signal) {
    // Die of the same signal, as the shell expects of fpcheck itself;
    // where that does not end the process, exit 128+n like a shell.
    for (const sig of forwarded) {
      process.removeAllListeners(sig);
    }
    try {
      process.kill(process.pid, signal);
    } catch (e) {
      // fall through
    }
    process.exit(128 + (os.constants.signals[signal] || 0));
  }
  process.exit(code === null ? 1 : code);
});
