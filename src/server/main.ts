// Starts the Doorstep server: `node --import tsx src/server/main.ts` (npm run serve).
//
// Environment:
//   PORT               port to listen on (default 8080; 0 picks a free one)
//   HOST               address to listen on (default 127.0.0.1; 0.0.0.0 to accept other machines)
//   STATIC_DIR         the built PWA to serve (default: dist/ at the repository root); lets e2e
//                      runs and tests serve another build, e.g. STATIC_DIR=dist-e2e
//   DATABASE_URL       a PostgreSQL server, e.g. postgres://user:password@host:5432/doorstep.
//                      Without it, an embedded database is kept in DOORSTEP_DATA_DIR.
//   DOORSTEP_DATA_DIR  the embedded database's folder (default: .data/pglite at the repository root)
//   DOORSTEP_ORG_NAME  the organisation created on the first start (default "Doorstep demo council")
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseOptions } from './db/database.ts';
import { firstStartMessage } from './services/bootstrap.ts';
import { startServer } from './server.ts';

interface Config {
  port: number;
  host: string;
  staticDir: string;
  database: DatabaseOptions;
  organisationName: string | undefined;
}

const repoPath = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

function readConfig(env: NodeJS.ProcessEnv): Config {
  const portText = env['PORT'] ?? '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${portText}".`);
  }
  const staticDir = env['STATIC_DIR'] ? path.resolve(env['STATIC_DIR']) : repoPath('dist');
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error(
      `There is no built app in ${staticDir} (index.html is missing): run npm run build first.`,
    );
  }
  const database: DatabaseOptions = env['DATABASE_URL']
    ? { url: env['DATABASE_URL'] }
    : { dataDir: path.resolve(env['DOORSTEP_DATA_DIR'] || repoPath('.data/pglite')) };
  return {
    port,
    host: env['HOST'] || '127.0.0.1',
    staticDir,
    database,
    organisationName: env['DOORSTEP_ORG_NAME'],
  };
}

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const server = await startServer({
    port: config.port,
    host: config.host,
    staticDir: config.staticDir,
    database: config.database,
    logger: true,
    ...(config.organisationName ? { organisationName: config.organisationName } : {}),
  });
  const where = config.database.dataDir ?? 'PostgreSQL (DATABASE_URL)';
  console.log(`Doorstep is running at ${server.url}/ with its data in ${where}.`);
  if (server.firstStart) console.log(firstStartMessage(server.firstStart));

  const shutdown = (signal: NodeJS.Signals) => {
    console.log(`${signal} received: closing the server.`);
    // Stop waiting for slow clients after a while rather than hanging a deploy. The handlers are
    // registered with once(), so a second Ctrl-C ends the process at once.
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close().then(
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
