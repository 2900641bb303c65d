// @vitest-environment node
import { drizzle } from 'drizzle-orm/pglite';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { MAX_BATCH, PROTOCOL_HEADER, REASON_CODES } from '../../src/shared/protocol.ts';

/** The parts of the document these tests read. */
interface Operation {
  operationId: string;
  security: unknown[];
  parameters: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; parameters: Record<string, unknown> };
}

// The document needs no database: a stand-in that would throw if it were used.
let app: FastifyInstance;
let doc: OpenApiDocument;

function operation(method: string, path: string): Operation {
  const found = doc.paths[path]?.[method];
  if (!found) throw new Error(`${method} ${path} is not in the document`);
  return found;
}

const ROUTES = [
  ['GET', '/api/health', 'public'],
  ['GET', '/api/openapi.json', 'public'],
  ['POST', '/api/enrol', 'public'],
  ['POST', '/api/sign-in', 'device'],
  ['POST', '/api/enrolment-codes', 'coordinator'],
  ['GET', '/api/me', 'device'],
  ['GET', '/api/devices', 'coordinator'],
  ['POST', '/api/devices/self/revoke', 'device'],
  ['POST', '/api/devices/{id}/revoke', 'coordinator'],
  ['POST', '/api/push', 'device'],
  ['GET', '/api/assessments', 'coordinator'],
  ['GET', '/api/assessments.csv', 'coordinator'],
  ['GET', '/api/residents/{ref}/assessments', 'device'],
  ['GET', '/api/programmes', 'coordinator'],
  ['GET', '/api/cohort', 'coordinator'],
  ['GET', '/api/outcomes.csv', 'coordinator'],
  ['GET', '/api/settings', 'device'],
  ['PUT', '/api/settings', 'coordinator'],
  ['GET', '/api/baselines', 'device'],
  ['POST', '/api/baselines', 'coordinator'],
  ['POST', '/api/baselines/from-programme', 'coordinator'],
  ['DELETE', '/api/baselines/{id}', 'coordinator'],
  ['GET', '/api/residents/{ref}/export', 'coordinator'],
  ['DELETE', '/api/residents/{ref}', 'coordinator'],
  ['GET', '/api/audit', 'administrator'],
] as const;

beforeAll(async () => {
  app = await createApp({ db: drizzle.mock() });
  const response = await app.inject('/api/openapi.json');
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  doc = response.json();
});

afterAll(() => app.close());

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 for this protocol version', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: expect.any(String), version: '1' });
  });

  it('has exactly the routes the server answers', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method} ${path}`),
    );
    expect(documented.sort()).toEqual(ROUTES.map(([m, p]) => `${m.toLowerCase()} ${p}`).sort());
    for (const [method, path] of ROUTES) {
      const url = path.replace('{id}', ':id').replace('{ref}', ':ref');
      expect(app.hasRoute({ method, url }), url).toBe(true);
    }
  });

  it.each(ROUTES)('describes %s %s (%s) with its security and refusals', (method, path, access) => {
    const op = operation(method.toLowerCase(), path);
    expect(op.operationId).toEqual(expect.any(String));
    const statuses = Object.keys(op.responses);
    expect(statuses.some((s) => s.startsWith('2'))).toBe(true);
    expect(op.responses['500']).toBeDefined();
    if (access === 'public') {
      expect(op.security).toEqual([]);
    } else {
      expect(op.security).toEqual([{ deviceToken: [] }]);
      expect(statuses).toEqual(expect.arrayContaining(['401', '426']));
      expect(op.parameters).toContainEqual({ $ref: '#/components/parameters/protocol' });
    }
    if (access === 'coordinator' || access === 'administrator') expect(statuses).toContain('403');
    if (op.requestBody) expect(statuses).toEqual(expect.arrayContaining(['400', '413']));
  });

  it('documents the query parameters of the cohort and the outcomes export', () => {
    const names = (path: string) =>
      operation('get', path).parameters.flatMap((p) =>
        typeof p === 'object' && p !== null && 'in' in p && p.in === 'query' && 'name' in p
          ? [p.name]
          : [],
      );
    expect(names('/api/cohort')).toEqual(['programme', 'venueName', 'from', 'to']);
    expect(names('/api/outcomes.csv')).toEqual(['period', 'programme']);
  });

  it('has unique operation ids', () => {
    const ids = ROUTES.map(([method, path]) => operation(method.toLowerCase(), path).operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('resolves every $ref inside the document', () => {
    const refs: string[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          if (key === '$ref' && typeof inner === 'string') refs.push(inner);
          else walk(inner);
        }
      }
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\//);
      const target = ref
        .slice(2)
        .split('/')
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
      expect(target, ref).toBeDefined();
    }
  });

  it('takes its schemas from the protocol', () => {
    expect(doc.components.schemas).toMatchObject({
      ErrorBody: { properties: { error: { properties: { code: { enum: [...REASON_CODES] } } } } },
      PushRequest: {
        additionalProperties: false,
        properties: { records: { maxItems: MAX_BATCH } },
      },
      Assessment: {
        properties: { answers: { required: ['basics', 'blockers', 'skill', 'interest'] } },
      },
    });
    expect(doc.components.parameters['protocol']).toMatchObject({
      name: PROTOCOL_HEADER,
      in: 'header',
      required: true,
    });
    expect(operation('post', '/api/push').requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/PushRequest' } } },
    });
  });

  it('documents signing in: its body, its answer and its refusals', () => {
    const op = operation('post', '/api/sign-in');
    expect(op.requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/SignInRequest' } } },
    });
    expect(op.responses['201']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/SignInResponse' } } },
    });
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '429']));
    expect(Object.keys(operation('post', '/api/enrol').responses)).toContain('409');
    expect(doc.components.schemas).toMatchObject({
      SignInRequest: {
        additionalProperties: false,
        required: ['username', 'passphrase'],
        properties: { username: { minLength: 3, maxLength: 64 }, passphrase: { minLength: 10 } },
      },
      SignInResponse: { required: expect.arrayContaining(['token', 'vaultSecret']) },
      EnrolRequest: { required: ['code', 'deviceName'] },
    });
  });

  it('is served without a token or protocol header', async () => {
    const response = await app.inject('/api/openapi.json');
    expect(response.statusCode).toBe(200);
  });
});
