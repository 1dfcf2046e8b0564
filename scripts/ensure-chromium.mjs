#!/usr/bin/env node
// Makes sure the Debian packages the browser and document tests need are installed:
//   chromium        -> /usr/bin/chromium, driven by Playwright (we never download a browser)
//   fonts-noto-cjk  -> Japanese glyphs in Chromium screenshots
//   poppler-utils   -> pdftoppm / pdftotext for PDF tests
// As root it installs what is missing with apt-get; otherwise it fails with the one command to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-noto-cjk', 'poppler-utils'];

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg', ['-s', pkg], { encoding: 'utf8' });
  return r.status === 0 && /^Status: install ok installed$/m.test(r.stdout);
}

function run(cmd, args) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.status !== 0) {
    console.error(`ensure-chromium: "${cmd} ${args.join(' ')}" failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

const hasDpkg = spawnSync('dpkg', ['--version']).status === 0;
const missing = PACKAGES.filter((p) => {
  if (p === 'chromium') return !existsSync(CHROMIUM);
  return hasDpkg ? !dpkgInstalled(p) : false;
});

if (missing.length === 0) {
  console.log(`ensure-chromium: ok (${CHROMIUM}, ${PACKAGES.slice(1).join(', ')})`);
  process.exit(0);
}

const installCmd = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${PACKAGES.join(' ')}`;
if (!hasDpkg) {
  console.error(
    `ensure-chromium: ${CHROMIUM} is missing and this is not a Debian system; install Chromium at ${CHROMIUM}.`,
  );
  process.exit(1);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(`ensure-chromium: missing Debian packages: ${missing.join(', ')}`);
  console.error('必要なパッケージがありません。次のコマンドを root で実行してください:');
  console.error('Missing packages; run this one command as root:');
  console.error(`  sudo sh -c '${installCmd}'`);
  process.exit(1);
}

if (missing.includes('chromium')) {
  console.log(
    'Chromium が見つからないため Debian の chromium パッケージをインストールします (apt-get install -y chromium fonts-noto-cjk poppler-utils)',
  );
  console.log(
    'Chromium not found: installing the Debian chromium package (apt-get install -y chromium fonts-noto-cjk poppler-utils)',
  );
} else {
  console.log(`ensure-chromium: installing missing Debian packages: ${missing.join(', ')}`);
}
const t0 = Date.now();
// Wait for another apt/dpkg (e.g. unattended upgrades) instead of failing on its lock.
const lockWait = ['-o', 'DPkg::Lock::Timeout=600'];
run('apt-get', [...lockWait, 'update']);
run('apt-get', [...lockWait, 'install', '-y', ...PACKAGES]);
if (!existsSync(CHROMIUM)) {
  console.error(`ensure-chromium: apt-get finished but ${CHROMIUM} is still missing`);
  process.exit(1);
}
console.log(`ensure-chromium: installed ${missing.join(', ')} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
