// @vitest-environment node
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/pglite';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';

// Serving files never touches the database: a stand-in that would throw if it did.
const db = drizzle.mock();

const INDEX_HTML = '<!doctype html><title>Doorstep</title><div id="app"></div>';
const IMMUTABLE = 'public, max-age=31536000, immutable';

// The shape of a `vite build` with vite-plugin-pwa, in miniature.
const FILES: Record<string, string> = {
  'index.html': INDEX_HTML,
  'assets/app-abc123.js': 'console.log("app");',
  'sw.js': 'self.addEventListener("fetch", () => {});',
  'registerSW.js': '/* register */',
  'workbox-5a9c1f2e.js': '/* workbox */',
  'manifest.webmanifest': '{"name":"Doorstep"}',
  'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
};

let staticDir: string;
let app: FastifyInstance;

beforeAll(async () => {
  staticDir = await mkdtemp(path.join(tmpdir(), 'doorstep-static-'));
  for (const [name, content] of Object.entries(FILES)) {
    await mkdir(path.dirname(path.join(staticDir, name)), { recursive: true });
    await writeFile(path.join(staticDir, name), content);
  }
  app = await createApp({ db, staticDir });
});

afterAll(async () => {
  await app.close();
  await rm(staticDir, { recursive: true, force: true });
});

describe('serving the built app', () => {
  it('caches content-hashed assets for a year', async () => {
    const response = await app.inject('/assets/app-abc123.js');
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(FILES['assets/app-abc123.js']);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe(IMMUTABLE);
  });

  it.each(['/', '/index.html', '/sw.js', '/registerSW.js', '/workbox-5a9c1f2e.js'])(
    'makes browsers revalidate %s so that a new deploy is picked up',
    async (url) => {
      const response = await app.inject(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['etag']).toBeDefined();
    },
  );

  it('serves the web app manifest with its own type, revalidated', async () => {
    const response = await app.inject('/manifest.webmanifest');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('answers a deep link with the HTML shell so that the client router can take over', async () => {
    const response = await app.inject('/assessments/abc/results?tab=plan');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toBe(INDEX_HTML);
  });

  it('answers a missing asset with a 404, never with the HTML shell', async () => {
    const response = await app.inject('/assets/nope.js');
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('<!doctype html>');
    expect(response.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('answers a missing file at the root with a 404', async () => {
    const response = await app.inject('/nope.png');
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('<!doctype html>');
  });

  it('does not fall back to the shell for other methods', async () => {
    const response = await app.inject({ method: 'POST', url: '/assessments/abc' });
    expect(response.statusCode).toBe(404);
  });

  it('sends the security headers with files, fallbacks and errors alike', async () => {
    for (const url of ['/', '/assets/app-abc123.js', '/assessments/abc', '/api/nope']) {
      const response = await app.inject(url);
      expect(response.headers['content-security-policy']).toBe(
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
          "manifest-src 'self'; worker-src 'self'; connect-src 'self'; base-uri 'self'; " +
          "form-action 'self'; frame-ancestors 'none'",
      );
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    }
  });
});

describe('the API', () => {
  it('reports its health', async () => {
    const response = await app.inject('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it.each([
    ['GET', '/api/nope'],
    ['GET', '/api/assessments/abc'],
    ['POST', '/api/nope'],
    ['GET', '/api'],
  ] as const)('answers %s %s with a JSON 404, not the HTML shell', async (method, url) => {
    const response = await app.inject({ method, url });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toEqual({
      error: { code: 'not_found', message: expect.any(String) },
    });
  });
});

describe('a folder without a build', () => {
  it('answers a deep link with a 404 instead of looping when index.html is missing', async () => {
    const emptyDir = await mkdtemp(path.join(tmpdir(), 'doorstep-empty-'));
    const emptyApp = await createApp({ db, staticDir: emptyDir });
    try {
      const response = await emptyApp.inject('/assessments/abc');
      expect(response.statusCode).toBe(404);
    } finally {
      await emptyApp.close();
      await rm(emptyDir, { recursive: true, force: true });
    }
  });
});
