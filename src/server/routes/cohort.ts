// Residents over time and the organisation's programmes: one resident's visits for a device,
// the records the dashboard computes its figures from, and the outcomes as a CSV.
import type { FastifyPluginAsync } from 'fastify';
import { RESIDENT_REF_PATTERN } from '../../domain/index.ts';
import {
  cohortQuerySchema,
  cohortResponseSchema,
  outcomeExportQuerySchema,
  programmeListResponseSchema,
  residentHistoryResponseSchema,
  type CohortResponse,
  type ProgrammeListResponse,
  type ResidentHistoryResponse,
} from '../../shared/council-api.ts';
import { ApiError } from '../errors.ts';
import { message } from '../messages.ts';
import { audit, byDevice } from '../services/audit.ts';
import { cohortRecords, listProgrammes, residentHistory } from '../services/cohort.ts';
import { outcomesCsv } from '../services/outcomes-csv.ts';
import { readSettings } from '../services/settings.ts';
import { identityOf } from './access.ts';
import { parseQuery } from './body.ts';
import { LARGE_ANSWER_COMPRESSION } from './compression.ts';
import type { ApiContext } from './context.ts';

export const cohortRoutes: FastifyPluginAsync<ApiContext> = async (api, ctx) => {
  api.get<{ Params: { ref: string } }>(
    '/residents/:ref/assessments',
    {
      config: {
        access: 'device',
        doc: {
          operationId: 'residentHistory',
          summary: "One resident's received assessments, earliest first",
          description:
            'The reference is URL-encoded. A resident the organisation has no assessment of ' +
            'gives an empty list.',
          success: {
            status: 200,
            description: 'The revision held of each, earliest first.',
            schema: residentHistoryResponseSchema,
          },
          refusals: [400],
        },
      },
    },
    async (request): Promise<ResidentHistoryResponse> => {
      const { ref } = request.params;
      if (!RESIDENT_REF_PATTERN.test(ref)) {
        throw new ApiError('invalid_request', message('resident.invalidRef'));
      }
      return {
        assessments: await residentHistory(ctx.db, identityOf(request).organisation.id, ref),
      };
    },
  );

  api.get(
    '/programmes',
    {
      config: {
        access: 'coordinator',
        doc: {
          operationId: 'listProgrammes',
          summary: 'The programmes assessments are tagged with ("" for none), with counts',
          success: {
            status: 200,
            description: 'By name.',
            schema: programmeListResponseSchema,
          },
        },
      },
    },
    async (request): Promise<ProgrammeListResponse> => ({
      programmes: await listProgrammes(ctx.db, identityOf(request).organisation.id),
    }),
  );

  api.get(
    '/cohort',
    {
      compress: LARGE_ANSWER_COMPRESSION,
      config: {
        access: 'coordinator',
        doc: {
          operationId: 'getCohort',
          summary: 'What the dashboard computes its figures from',
          description:
            'The answers, resident, date and outcomes of each assessment of a programme ' +
            '(absent: all; empty: untagged), venue and period (dates inclusive), earliest ' +
            "first, with the organisation's suppression threshold. Answers are compact: per " +
            'section one character per question of bank version 1 in bank order, 0-4 a score, ' +
            "s skipped, p prefer not to say, d don't know, n not applicable, . not asked.",
          query: cohortQuerySchema,
          success: { status: 200, description: 'The cohort.', schema: cohortResponseSchema },
          refusals: [400],
        },
      },
    },
    async (request): Promise<CohortResponse> => {
      const query = parseQuery(cohortQuerySchema, request.query);
      const organisationId = identityOf(request).organisation.id;
      const [{ minGroup }, records] = await Promise.all([
        readSettings(ctx.db, organisationId),
        cohortRecords(ctx.db, organisationId, query),
      ]);
      return { minGroup, records };
    },
  );

  api.get(
    '/outcomes.csv',
    {
      config: {
        access: 'coordinator',
        doc: {
          operationId: 'exportOutcomes',
          summary: 'Outcomes counted per programme, period and kind, as CSV',
          description:
            'Columns programme, period, outcome, label (English), count. Period is month ' +
            '(default), quarter or year, of the date each outcome happened. Audited.',
          query: outcomeExportQuerySchema,
          success: { status: 200, description: 'One row per count.', mediaType: 'text/csv' },
          refusals: [400],
        },
      },
    },
    async (request, reply) => {
      const query = parseQuery(outcomeExportQuerySchema, request.query);
      const identity = identityOf(request);
      const period = query.period ?? 'month';
      const csv = await outcomesCsv(ctx.db, identity.organisation.id, {
        period,
        programme: query.programme,
      });
      const now = ctx.now();
      await audit(
        ctx.db,
        byDevice(identity, 'export', {
          kind: 'outcomes-csv',
          period,
          ...(query.programme === undefined ? {} : { programme: query.programme }),
        }),
        now,
      );
      const day = now.toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="doorstep-outcomes-${day}.csv"`)
        .send(csv);
    },
  );
};
