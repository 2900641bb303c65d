// Starting a complete server: open the database, bring its schema up to date (refusing drift),
// set up an empty database, build the app, start the daily retention job and listen. main.ts uses it with the environment's
// settings; end-to-end tests use it with an in-memory database and a free port.
import { createApp } from './app.ts';
import { openDatabase, type DatabaseOptions, type OpenedDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { bootstrap, type FirstStart } from './services/bootstrap.ts';
import { scheduleRetention } from './services/retention.ts';

export interface ServerOptions {
  /** Default: an embedded database in memory, gone when the server stops. */
  database?: DatabaseOptions;
  staticDir?: string;
  /** Default 0: any free port. */
  port?: number;
  host?: string;
  /** The organisation created on an empty database (default "Doorstep demo council"). */
  organisationName?: string;
  logger?: boolean;
  now?: () => Date;
  /** How often retention runs after the run at start (default daily). */
  retentionIntervalMs?: number;
}

export interface RunningServer {
  /** Where it listens, without a trailing slash: http://127.0.0.1:8080 */
  readonly url: string;
  readonly database: OpenedDatabase['kind'];
  /** Set when this start created the organisation: holds the first administrator's code. */
  readonly firstStart: FirstStart | null;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const now = options.now ?? (() => new Date());
  const database = await openDatabase(options.database);
  const cleanups: (() => Promise<void>)[] = [() => database.close()];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    await migrate(database.db);
    const firstStart = await bootstrap(database.db, {
      now: now(),
      ...(options.organisationName ? { organisationName: options.organisationName } : {}),
    });
    const app = await createApp({
      db: database.db,
      now,
      logger: options.logger ?? false,
      ...(options.staticDir ? { staticDir: options.staticDir } : {}),
    });
    cleanups.push(() => app.close());
    // Once now, then daily; stopped (waiting for a run in progress) before the database closes.
    const retention = scheduleRetention({
      db: database.db,
      now,
      onError: (error) => app.log.error({ err: error }, 'the retention run failed'),
      ...(options.retentionIntervalMs ? { intervalMs: options.retentionIntervalMs } : {}),
    });
    cleanups.push(() => retention.stop());
    const url = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
    return { url, database: database.kind, firstStart, close };
  } catch (error) {
    await close();
    throw error;
  }
}
