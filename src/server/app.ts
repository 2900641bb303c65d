// The Doorstep HTTP server as a value: createApp(deps) builds it, main.ts only listens, and tests
// drive it in process with app.inject(). It serves the sync API under /api and, given a build,
// the PWA itself.
import { constants as zlib } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import Fastify from 'fastify';
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import { MAX_BODY_BYTES } from '../shared/protocol.ts';
import type { Database } from './db/database.ts';
import { replyWithError } from './errors.ts';
import { apiRoutes } from './routes/api.ts';
import { DEFAULT_ENROLMENT_CODE_TTL_MS } from './services/enrolment.ts';
import { notFound, serveWebApp } from './web-app.ts';

export interface AppDeps {
  /** A migrated database (see db/database.ts and db/migrate.ts). */
  db: Database;
  /** Folder holding the production build of the PWA (`vite build` output); none for API only. */
  staticDir?: string;
  /** The server's clock; tests pass a fixed one. */
  now?: () => Date;
  logger?: boolean;
  /** How long a code from POST /api/enrolment-codes stays valid (default 15 minutes). */
  enrolmentCodeTtlMs?: number;
}

export async function createApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: deps.logger ?? false, bodyLimit: MAX_BODY_BYTES });
  app.addHook('onRequest', addSecurityHeaders);
  app.setErrorHandler(replyWithError);
  // The links where Doorstep is used are slow: compress everything, at a brotli level cheap
  // enough to do per request.
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } },
    globalDecompression: false,
  });
  await app.register(apiRoutes, {
    prefix: '/api',
    db: deps.db,
    now: deps.now ?? (() => new Date()),
    enrolmentCodeTtlMs: deps.enrolmentCodeTtlMs ?? DEFAULT_ENROLMENT_CODE_TTL_MS,
  });
  if (deps.staticDir) await serveWebApp(app, deps.staticDir);
  else app.setNotFoundHandler(notFound);
  return app;
}

// The built app has no inline script or style (vite.config.ts sets injectRegister: false), so
// everything can be locked to our own origin. img-src allows data: URLs for inline icons.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// Set before routing so that files, 404s and errors all carry them.
const addSecurityHeaders: onRequestHookHandler = (_request, reply, done) => {
  reply.headers({
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  done();
};
