// The organisation's own baselines: listed for every device, imported, made from a programme
// and deleted by coordinators.
import type { FastifyPluginAsync } from 'fastify';
import {
  baselineImportRequestSchema,
  baselineListResponseSchema,
  cohortBaselineRequestSchema,
  type BaselineListResponse,
} from '../../shared/council-api.ts';
import {
  baselineFromProgramme,
  deleteBaseline,
  importBaselines,
  listBaselines,
} from '../services/baselines.ts';
import { identityOf } from './access.ts';
import { parseBody } from './body.ts';
import type { ApiContext } from './context.ts';

export const baselineRoutes: FastifyPluginAsync<ApiContext> = async (api, ctx) => {
  api.get(
    '/baselines',
    {
      config: {
        access: 'device',
        doc: {
          operationId: 'listBaselines',
          summary: "The organisation's own baselines (not the illustrative ones shipped)",
          success: {
            status: 200,
            description: 'Oldest first; those stored together by id.',
            schema: baselineListResponseSchema,
          },
        },
      },
    },
    async (request): Promise<BaselineListResponse> => ({
      baselines: await listBaselines(ctx.db, identityOf(request).organisation.id),
    }),
  );

  api.post(
    '/baselines',
    {
      config: {
        access: 'coordinator',
        doc: {
          operationId: 'importBaselines',
          summary: 'Import baselines from a JSON or CSV file (layouts in the README)',
          description:
            'All or nothing: a file with any problem is refused with invalid_baselines, every ' +
            'problem in error.problems (CSV rows by number), and nothing is written. An id the ' +
            "organisation has is replaced; a shipped persona's id is refused.",
          body: baselineImportRequestSchema,
          success: {
            status: 200,
            description: 'The baselines imported.',
            schema: baselineListResponseSchema,
          },
        },
      },
    },
    async (request): Promise<BaselineListResponse> => {
      const body = parseBody(baselineImportRequestSchema, request.body);
      return {
        baselines: await importBaselines(
          ctx.db,
          identityOf(request).organisation.id,
          body,
          ctx.now(),
        ),
      };
    },
  );

  api.post(
    '/baselines/from-programme',
    {
      config: {
        access: 'coordinator',
        doc: {
          operationId: 'baselineFromProgramme',
          summary: "A local-cohort baseline from a programme's first visits",
          description:
            "Each resident's earliest assessment in the programme; items scored by fewer " +
            "residents than the organisation's threshold are left out, and a programme with " +
            'fewer residents than it is refused with baseline_too_small. Making it again ' +
            'replaces it.',
          body: cohortBaselineRequestSchema,
          success: {
            status: 200,
            description: 'The new baseline.',
            schema: baselineListResponseSchema,
          },
          refusals: [422],
        },
      },
    },
    async (request): Promise<BaselineListResponse> => {
      const body = parseBody(cohortBaselineRequestSchema, request.body);
      const baseline = await baselineFromProgramme(
        ctx.db,
        identityOf(request).organisation.id,
        body,
        ctx.now(),
      );
      return { baselines: [baseline] };
    },
  );

  api.delete<{ Params: { id: string } }>(
    '/baselines/:id',
    {
      config: {
        access: 'coordinator',
        doc: {
          operationId: 'deleteBaseline',
          summary: "Delete one of the organisation's baselines",
          success: { status: 204, description: 'Deleted.', mediaType: 'text/plain' },
          refusals: [404],
        },
      },
    },
    async (request, reply) => {
      await deleteBaseline(ctx.db, identityOf(request).organisation.id, request.params.id);
      return reply.code(204).send();
    },
  );
};
