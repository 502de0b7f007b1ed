/**
 * The explorer's test harness: starts the built `untoc-kg explore` on a free 127.0.0.1 port (stopped after, by its
 * own process id) and Debian's Chromium through playwright-core, headless, with a fresh profile.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CLI, ROOT } from '../helpers/paths.js';

/** Debian's Chromium (scripts/install-browser.sh installs it). */
export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
/** The built page. */
export const PAGE = join(ROOT, 'dist', 'explorer', 'index.html');
/** Why the browser tests are skipped, when they are. */
export const BROWSER_SKIP = !CHROMIUM
  ? 'skipped: Debian\'s chromium was not found at /usr/bin/chromium (run scripts/install-browser.sh)'
  : !existsSync(PAGE) || !existsSync(CLI)
    ? `skipped: the explorer is not built (no ${PAGE}; run npm run build)`
    : undefined;
/** Where the tests write their screenshots (git-ignored). */
export const SCREENSHOTS = join(ROOT, '.tmp', 'screenshots');

/** A running `untoc-kg explore`: its address and how to stop it. */
export interface Explorer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts the built CLI's `explore` with `args` and waits for the address it prints. */
export function startExplorer(args: string[] = []): Promise<Explorer> {
  const child: ChildProcess = spawn(process.execPath, [CLI, 'explore', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => void (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0];
      if (url) resolve({ url, stop: () => stopChild(child) });
    });
    child.once('exit', (code) => reject(new Error(`untoc-kg explore exited with ${code}: ${err}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Launches headless Chromium with a fresh profile (a new `--user-data-dir`, which playwright takes as the persistent
 * context's folder); `close` also removes the profile.
 */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'untoc-kg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM!,
    headless: true,
    viewport: { width: 1200, height: 900 },
    colorScheme: 'light',
    acceptDownloads: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // WebGL in software, for sigma.js.
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
