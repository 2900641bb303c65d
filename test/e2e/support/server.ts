/** Serves a production build with the real Doorstep server on a free local port. */
import { createApp } from '../../../src/server/app.ts';

export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

export async function serve(staticDir: string): Promise<Served> {
  const app = await createApp({ staticDir });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}
