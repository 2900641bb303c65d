/** Paths in the repository and production builds for tests that need their own. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The build made by `npm run test:e2e` before the tests run (DOORSTEP_DIST_E2E names another). */
export const DIST_E2E = path.resolve(REPO_ROOT, process.env['DOORSTEP_DIST_E2E'] ?? 'dist-e2e');

/** `vite build --outDir <outDir>`, with DOORSTEP_BUILD_ID set when a build id is given. */
export function viteBuild(outDir: string, buildId?: string): Promise<void> {
  const env = { ...process.env };
  if (buildId !== undefined) env['DOORSTEP_BUILD_ID'] = buildId;
  const vite = path.join(REPO_ROOT, 'node_modules', '.bin', 'vite');
  return new Promise((resolve, reject) => {
    const child = spawn(
      vite,
      ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      {
        cwd: REPO_ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build failed (${code}):\n${output}`)),
    );
  });
}
