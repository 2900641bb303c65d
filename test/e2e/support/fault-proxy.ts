/**
 * A proxy between the browser and the Doorstep server that fails on purpose: it drops requests
 * before the server sees them, loses responses after the server committed, delivers requests
 * twice, replays old requests late, slows everything down, or runs a hook (such as killing the
 * server) while a request is in flight. Only loopback addresses are involved.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { readonly kind: 'pass' }
  /** The request never reaches the server; the browser sees a dropped connection. */
  | { readonly kind: 'drop' }
  /** The server handles the request; the browser sees a dropped connection. */
  | { readonly kind: 'lose-response' }
  /** The server gets the request twice; the browser gets the second answer. */
  | { readonly kind: 'duplicate' }
  /**
   * Passed on now, and delivered again after the next request to the same path: an old batch
   * arriving late.
   */
  | { readonly kind: 'replay-later' }
  | { readonly kind: 'delay'; readonly ms: number }
  /** Forwarded, then `during()` runs before the answer (for example, kill the server). */
  | { readonly kind: 'during'; readonly during: () => Promise<void> };

export interface ProxiedRequest {
  readonly method: string;
  readonly path: string;
  /** 0-based count of requests to this path so far. */
  readonly index: number;
}

export interface FaultProxy {
  readonly url: string;
  /** Set the target, for a server restarted on another port. */
  retarget(url: string): void;
  readonly stats: Record<Fault['kind'] | 'requests' | 'delivered', number>;
  close(): Promise<void>;
}

export async function startFaultProxy(options: {
  target: string;
  fault: (request: ProxiedRequest) => Fault;
}): Promise<FaultProxy> {
  let target = options.target;
  const counts = new Map<string, number>();
  let late: { key: string; method: string; path: string; headers: Headers; body: Buffer }[] = [];
  const stats: FaultProxy['stats'] = {
    requests: 0,
    delivered: 0,
    pass: 0,
    drop: 0,
    'lose-response': 0,
    duplicate: 0,
    'replay-later': 0,
    delay: 0,
    during: 0,
  };

  const deliver = async (method: string, path: string, headers: Headers, body: Buffer) => {
    stats.delivered += 1;
    return fetch(`${target}${path}`, {
      method,
      headers,
      ...(method === 'GET' || method === 'HEAD' ? {} : { body: new Uint8Array(body) }),
      redirect: 'manual',
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const headers = forwardHeaders(req);
    const key = path.split('?')[0] ?? path;
    const index = counts.get(key) ?? 0;
    counts.set(key, index + 1);
    stats.requests += 1;
    const fault = options.fault({ method, path, index });
    stats[fault.kind] += 1;

    // Old requests held back are delivered after a newer one to the same path has gone through
    // (an old push after a newer push; other requests, such as the settings, pass them by).
    const replay = late.filter((old) => old.key === key);
    late = late.filter((old) => old.key !== key);

    if (fault.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
    let response: Response;
    try {
      if (fault.kind === 'duplicate')
        await (await deliver(method, path, headers, body)).arrayBuffer();
      const pending = deliver(method, path, headers, body);
      // Handled below; this only stops a failure during the hook counting as unhandled.
      pending.catch(() => undefined);
      if (fault.kind === 'during') await fault.during();
      response = await pending;
    } catch {
      // The server went away mid-request: the browser sees what a real gateway would send.
      res.writeHead(502, { 'content-type': 'text/plain' }).end('Bad gateway');
      return;
    }
    const payload = Buffer.from(await response.arrayBuffer());
    for (const old of replay)
      await (await deliver(old.method, old.path, old.headers, old.body)).arrayBuffer();
    if (fault.kind === 'replay-later') late.push({ key, method, path, headers, body });
    if (fault.kind === 'lose-response') {
      req.socket.destroy();
      return;
    }
    const out: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      // fetch has already decoded the body.
      if (
        name !== 'content-encoding' &&
        name !== 'content-length' &&
        name !== 'transfer-encoding'
      ) {
        out[name] = value;
      }
    });
    res.writeHead(response.status, out).end(payload);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(502).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    retarget: (url) => {
      target = url;
    },
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function forwardHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (
      value === undefined ||
      name === 'host' ||
      name === 'connection' ||
      name === 'content-length'
    )
      continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}
