// Everything under /api: the access guard, JSON bodies, and the routes. A new route is a plugin
// registered below with its `config.access` and `config.doc` (see access.ts and openapi.ts).
import type { FastifyPluginAsync } from 'fastify';
import { healthResponseSchema, type HealthResponse } from '../../shared/council-api.ts';
import { accountRoutes } from './accounts.ts';
import { guard } from './access.ts';
import { parseJsonBodies } from './json-body.ts';
import { assessmentRoutes } from './assessments.ts';
import { baselineRoutes } from './baselines.ts';
import { cohortRoutes } from './cohort.ts';
import type { ApiContext } from './context.ts';
import { buildOpenApi, collectOperations } from './openapi.ts';
import { privacyRoutes } from './privacy.ts';
import { pushRoutes } from './push.ts';
import { settingsRoutes } from './settings.ts';
import { LastSeen } from '../services/last-seen.ts';
import { NewRecords } from '../services/new-records.ts';

export type ApiOptions = Omit<ApiContext, 'lastSeen' | 'newRecords'>;

export const apiRoutes: FastifyPluginAsync<ApiOptions> = async (api, options) => {
  // Only the context goes on to the route plugins: the options also hold this plugin's prefix.
  const ctx: ApiContext = {
    db: options.db,
    now: options.now,
    enrolmentCodeTtlMs: options.enrolmentCodeTtlMs,
    lastSeen: new LastSeen(options.db, (error) =>
      api.log.error({ err: error }, 'could not write when devices were last seen'),
    ),
    newRecords: new NewRecords(options.db),
  };
  // Before the database is closed.
  api.addHook('onClose', () => ctx.lastSeen.flush());
  const operations = collectOperations(api);
  api.decorateRequest('identity', null);
  api.addHook('onRequest', async (_request, reply) => {
    // Answers carry tokens and personal data: no browser or proxy may keep a copy.
    reply.header('cache-control', 'no-store');
  });
  api.addHook('onRequest', guard(ctx));

  parseJsonBodies(api);

  api.get(
    '/health',
    {
      config: {
        access: 'public',
        doc: {
          operationId: 'health',
          summary: 'Whether the server is up',
          success: { status: 200, description: 'It is.', schema: healthResponseSchema },
        },
      },
    },
    async (): Promise<HealthResponse> => ({ status: 'ok' }),
  );

  let document: unknown;
  api.get(
    '/openapi.json',
    {
      config: {
        access: 'public',
        doc: {
          operationId: 'openapi',
          summary: 'This document',
          success: { status: 200, description: 'OpenAPI 3.1.', mediaType: 'application/json' },
        },
      },
    },
    // Built on first request, when every route has been registered.
    async () => (document ??= buildOpenApi(operations)),
  );

  await api.register(accountRoutes, ctx);
  await api.register(pushRoutes, ctx);
  await api.register(assessmentRoutes, ctx);
  await api.register(cohortRoutes, ctx);
  await api.register(settingsRoutes, ctx);
  await api.register(baselineRoutes, ctx);
  await api.register(privacyRoutes, ctx);
};
