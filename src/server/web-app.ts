// Serving the built PWA: long caching for content-hashed assets, revalidation for everything
// whose name stays the same between builds, and the HTML shell for client-side routes.
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, sendError } from './errors.ts';
import { message } from './messages.ts';

// The service worker, its registration script, the manifest and the HTML shell keep their names
// from one build to the next: browsers must revalidate them or a new deploy is never seen.
// Only Vite's content-hashed files under /assets/ can be cached for good.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

function cacheControlFor(relativePath: string): string {
  return relativePath.startsWith('assets/') ? IMMUTABLE : REVALIDATE;
}

export async function serveWebApp(app: FastifyInstance, staticDir: string): Promise<void> {
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
    if (isSpaRoute(request.method, pathnameOf(request))) {
      // A deep link such as /assessments/abc/results: the client-side router takes it from here.
      return reply.code(200).sendFile('index.html');
    }
    return notFound(request, reply);
  });
}

/** The JSON 404 of every address that is neither a route nor a file. */
export function notFound(request: FastifyRequest, reply: FastifyReply) {
  const text = message('server.notFoundAt', { method: request.method, path: pathnameOf(request) });
  return sendError(request, reply, new ApiError('not_found', text));
}

const pathnameOf = (request: FastifyRequest) => request.url.split('?', 1)[0] ?? '/';

const isApiPath = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');

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
