// Starts the Doorstep server: `node --import tsx src/server/main.ts` (npm run serve).
//
// Environment:
//   PORT        port to listen on (default 8080; 0 picks a free one)
//   HOST        address to listen on (default 127.0.0.1; 0.0.0.0 to accept other machines)
//   STATIC_DIR  the built PWA to serve (default: dist/ at the repository root); lets e2e runs
//               and tests serve another build, e.g. STATIC_DIR=dist-e2e
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';

interface Config {
  port: number;
  host: string;
  staticDir: string;
}

const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../dist', import.meta.url));

function readConfig(env: NodeJS.ProcessEnv): Config {
  const portText = env['PORT'] ?? '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${portText}".`);
  }
  const staticDir = env['STATIC_DIR'] ? path.resolve(env['STATIC_DIR']) : DEFAULT_STATIC_DIR;
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error(
      `There is no built app in ${staticDir} (index.html is missing): run npm run build first.`,
    );
  }
  return { port, host: env['HOST'] || '127.0.0.1', staticDir };
}

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const app = await createApp({ staticDir: config.staticDir });
  await app.listen({ port: config.port, host: config.host });

  // With PORT=0 the real port is only known now.
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  console.log(`Doorstep is running at http://${host}:${port}/`);

  const shutdown = (signal: NodeJS.Signals) => {
    console.log(`${signal} received: closing the server.`);
    // Stop waiting for slow clients after a while rather than hanging a deploy. The handlers are
    // registered with once(), so a second Ctrl-C ends the process at once.
    setTimeout(() => process.exit(1), 10_000).unref();
    app.close().then(
      () => console.log('Doorstep has stopped.'),
      (error: unknown) => {
        console.error('Could not close the server cleanly:', error);
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(
    `Doorstep could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
});
