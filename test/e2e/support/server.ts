/** Serves a production build with the real Doorstep server, on an in-memory embedded database. */
import { startServer, type RunningServer } from '../../../src/server/server.ts';

export type Served = RunningServer;

export function serve(staticDir: string): Promise<Served> {
  return startServer({ staticDir });
}
