// The organisation's own settings: every device reads them, coordinators change them.
import type { FastifyPluginAsync } from 'fastify';
import { organisationSettingsSchema, type OrganisationSettings } from '../../shared/council-api.ts';
import { readSettings, writeSettings } from '../services/settings.ts';
import { identityOf } from './access.ts';
import type { ApiContext } from './context.ts';

export const settingsRoutes: FastifyPluginAsync<ApiContext> = async (api, ctx) => {
  api.get(
    '/settings',
    {
      config: {
        access: 'device',
        doc: {
          operationId: 'getSettings',
          summary: "The organisation's suppression threshold, outcome kinds and directory",
          success: {
            status: 200,
            description: 'The settings.',
            schema: organisationSettingsSchema,
          },
        },
      },
    },
    async (request): Promise<OrganisationSettings> =>
      readSettings(ctx.db, identityOf(request).organisation.id),
  );

  api.put(
    '/settings',
    {
      config: {
        access: 'coordinator',
        doc: {
          operationId: 'putSettings',
          summary: "Replace the organisation's settings",
          description:
            'All or nothing: a body with any problem is refused with invalid_request, each ' +
            'problem in error.problems, and nothing changes.',
          body: organisationSettingsSchema,
          success: {
            status: 200,
            description: 'The settings now stored.',
            schema: organisationSettingsSchema,
          },
        },
      },
    },
    async (request): Promise<OrganisationSettings> =>
      writeSettings(ctx.db, identityOf(request).organisation.id, request.body),
  );
};
