// The Doorstep HTTP server as a value: createApp(deps) builds it, main.ts only listens, and tests
// drive it in process with app.inject(). Today it serves the built PWA and a health check; the
// sync API will be registered beside apiRoutes under /api.
import { STATUS_CODES } from 'node:http';
import path from 'node:path';
import { constants as zlib } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import type {
  FastifyInstance,
  FastifyPluginAsync,
  FastifyReply,
  FastifyRequest,
  onRequestHookHandler,
} from 'fastify';

export interface AppDeps {
  /** Folder holding the production build of the PWA (`vite build` output). */
  staticDir: string;
  logger?: boolean;
}

/** Every error the server sends, from the API or not, has this shape. */
export interface ErrorBody {
  error: { code: string; message: string };
}

export async function createApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: deps.logger ?? false });
  app.addHook('onRequest', addSecurityHeaders);
  app.setErrorHandler(replyWithError);
  // The links where Doorstep is used are slow: compress everything, at a brotli level cheap
  // enough to do per request.
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } },
  });
  await app.register(apiRoutes, { prefix: '/api' });
  await serveWebApp(app, deps.staticDir);
  return app;
}

// ---------------------------------------------------------------------------------------------
// Security headers

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

// ---------------------------------------------------------------------------------------------
// Errors

function sendError(reply: FastifyReply, status: number, code: string, message: string) {
  const body: ErrorBody = { error: { code, message } };
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

function replyWithError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const status = statusOf(error);
  if (status >= 500) {
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, status, 'internal_error', 'Something went wrong on the server.');
  }
  // 4xx: Fastify's own message (bad JSON, body too large, …) is safe to show.
  const message = error instanceof Error ? error.message : (STATUS_CODES[status] ?? 'Error');
  return sendError(reply, status, snakeCase(STATUS_CODES[status] ?? 'bad_request'), message);
}

function statusOf(error: unknown): number {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status <= 599 ? status : 500;
}

const snakeCase = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '_');

// ---------------------------------------------------------------------------------------------
// API

const apiRoutes: FastifyPluginAsync = async (api) => {
  api.get('/health', async () => ({ status: 'ok' }));
};

const isApiPath = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');

// ---------------------------------------------------------------------------------------------
// The PWA

// The service worker, its registration script, the manifest and the HTML shell keep their names
// from one build to the next: browsers must revalidate them or a new deploy is never seen.
// Only Vite's content-hashed files under /assets/ can be cached for good.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

function cacheControlFor(relativePath: string): string {
  return relativePath.startsWith('assets/') ? IMMUTABLE : REVALIDATE;
}

async function serveWebApp(app: FastifyInstance, staticDir: string): Promise<void> {
  const root = path.resolve(staticDir);
  await app.register(fastifyStatic, {
    root,
    cacheControl: false, // set per file below
    dotfiles: 'ignore',
    setHeaders(reply, filePath) {
      const relativePath = path.relative(root, filePath).split(path.sep).join('/');
      reply.header('cache-control', cacheControlFor(relativePath));
    },
  });

  // Reached when no route and no file matched.
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?', 1)[0] ?? '/';
    if (isSpaRoute(request.method, pathname)) {
      // A deep link such as /assessments/abc/results: the client-side router takes it from here.
      return reply.code(200).sendFile('index.html');
    }
    return sendError(reply, 404, 'not_found', `Nothing is found at ${request.method} ${pathname}.`);
  });
}

// A page route is a GET for an extension-less path outside /api and /assets: a missing
// /assets/app-123.js must stay a 404, or the browser would run index.html as a script.
function isSpaRoute(method: string, pathname: string): boolean {
  return (
    (method === 'GET' || method === 'HEAD') &&
    !isApiPath(pathname) &&
    pathname !== '/assets' &&
    !pathname.startsWith('/assets/') &&
    path.posix.extname(pathname) === ''
  );
}
