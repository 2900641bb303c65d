/**
 * Debian's Chromium driven by playwright-core. Never downloads a browser. The background
 * networking flags stop Chromium from trying to reach the (closed) network on its own.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A browser with a profile on disk, so that IndexedDB outlives the browser process. */
export function launchPersistent(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
}

const run = promisify(execFile);

/**
 * The pid of the Chromium browser process that this Node process launched with the given
 * profile: Playwright spawns the executable directly (the Debian wrapper script `exec`s the real
 * binary), so it is our child and its command line names the profile.
 */
export async function browserPidFor(userDataDir: string): Promise<number> {
  const { stdout } = await run('ps', ['-eo', 'pid=,ppid=,args=']);
  const pids = stdout
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .filter(
      ([, , ppid, args]) => Number(ppid) === process.pid && (args ?? '').includes(userDataDir),
    )
    .map(([, pid]) => Number(pid));
  const [pid, ...others] = pids;
  if (pid === undefined || others.length > 0) {
    throw new Error(`Expected one browser process for ${userDataDir}, found ${pids.length}`);
  }
  return pid;
}
