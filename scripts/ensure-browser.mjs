// Makes sure a browser exists for the tests: installs Debian's chromium when there is none and
// this is a root shell with apt-get; otherwise says plainly what to install.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser } from './browser.mjs';

if (process.env.CHROME_PATH && !existsSync(process.env.CHROME_PATH)) {
  console.error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist.`);
  process.exit(1);
}

if (!findBrowser()) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log("No Chromium or Chrome found: installing Debian's chromium with apt-get...");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execSync('apt-get update -qq && apt-get install -y -qq chromium', { stdio: 'inherit', env });
  }
  if (!findBrowser()) {
    console.error(
      'No Chromium or Chrome found for the browser tests.\n' +
        '  Debian/Ubuntu: sudo apt-get install -y chromium\n' +
        '  macOS: install Google Chrome\n' +
        '  Anywhere: set CHROME_PATH to a Chromium or Chrome executable.',
    );
    process.exit(1);
  }
}
console.log(`Browser: ${findBrowser()}`);
