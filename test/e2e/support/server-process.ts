/**
 * The real server as its own process, started the way an operator starts it
 * (`node --import tsx src/server/main.ts` with the environment), so that a test can kill it with
 * SIGKILL, no clean shutdown, and start it again on the same data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { DIST_E2E, REPO_ROOT } from './build.ts';

export interface ServerProcess {
  /** http://127.0.0.1:port, without a trailing slash. */
  readonly url: string;
  readonly pid: number;
  /** The first administrator's code, printed by a first start only. */
  readonly firstStartCode: string | null;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** SIGKILL: no unload, no clean shutdown, transactions cut wherever they are. */
  kill(): Promise<void>;
  /** SIGTERM, and wait for the process to end. */
  stop(): Promise<void>;
}

/** A port nothing listens on right now (the OS picks it; it is free again once we close). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', resolve);
  });
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('No port was assigned.');
  return address.port;
}

const RUNNING = /Doorstep is running at (http:\/\/\S+?)\/ with its data/;
const FIRST_CODE = /Enrol your first device with code (\S+) \(valid until/;

export async function startServerProcess(options: {
  port: number;
  /** DATABASE_URL or DOORSTEP_DATA_DIR (see support/database.ts). */
  env: Readonly<Record<string, string>>;
  /** Wait for the first-start code too (an empty database prints one, a restart does not). */
  firstStart: boolean;
  staticDir?: string;
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Only what this call asks for decides where the data lives.
  delete env['DATABASE_URL'];
  delete env['DOORSTEP_DATA_DIR'];
  Object.assign(env, options.env, {
    PORT: String(options.port),
    HOST: '127.0.0.1',
    STATIC_DIR: options.staticDir ?? DIST_E2E,
  });
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join('src', 'server', 'main.ts')],
    { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The server did not start in time:\n${output}`)),
        options.timeoutMs ?? 60_000,
      );
      const check = () => {
        const ready = RUNNING.test(output) && (!options.firstStart || FIRST_CODE.test(output));
        if (!ready) return;
        clearTimeout(timer);
        child.stdout?.off('data', check);
        resolve();
      };
      child.stdout?.on('data', check);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`The server exited (${code ?? signal}) before it was ready:\n${output}`));
      });
      check();
    });
  } catch (error) {
    await terminate(child, exited, 'SIGKILL');
    throw error;
  }

  const url = RUNNING.exec(output)?.[1] ?? '';
  const expected = `http://127.0.0.1:${options.port}`;
  if (url !== expected) throw new Error(`The server says it runs at ${url}, not ${expected}.`);
  return {
    url,
    pid: child.pid ?? -1,
    firstStartCode: FIRST_CODE.exec(output)?.[1] ?? null,
    output: () => output,
    kill: () => terminate(child, exited, 'SIGKILL'),
    stop: () => terminate(child, exited, 'SIGTERM'),
  };
}

async function terminate(
  child: ChildProcess,
  exited: Promise<void>,
  signal: NodeJS.Signals,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(force);
}
