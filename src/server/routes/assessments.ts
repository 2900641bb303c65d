// What the organisation has received, for coordinators: as JSON and as a CSV download.
import type { FastifyPluginAsync } from 'fastify';
import {
  assessmentListResponseSchema,
  type AssessmentListResponse,
} from '../../shared/council-api.ts';
import { assessmentsCsv } from '../services/assessments-csv.ts';
import { listReceived, toSummary } from '../services/assessments.ts';
import { audit, byDevice } from '../services/audit.ts';
import { identityOf } from './access.ts';
import { LARGE_ANSWER_COMPRESSION } from './compression.ts';
import type { ApiContext } from './context.ts';

export const assessmentRoutes: FastifyPluginAsync<ApiContext> = async (api, ctx) => {
  api.get(
    '/assessments',
    {
      config: {
        access: 'coordinator',
        doc: {
          operationId: 'listAssessments',
          summary: 'Received assessments with their scores, most recent first',
          success: {
            status: 200,
            description: 'Received assessments.',
            schema: assessmentListResponseSchema,
          },
        },
      },
    },
    async (request): Promise<AssessmentListResponse> => {
      const rows = await listReceived(ctx.db, identityOf(request).organisation.id);
      return { assessments: rows.map(toSummary) };
    },
  );

  api.get(
    '/assessments.csv',
    {
      compress: LARGE_ANSWER_COMPRESSION,
      config: {
        access: 'coordinator',
        doc: {
          operationId: 'exportAssessments',
          summary: 'Received assessments as CSV: every answer, section score and plan item',
          description:
            'Streamed, most recently received first, with the programme, venue name and ' +
            'outcomes ("banks-online 2026-05-01; got-device 2026-06-02") of each. Audited.',
          success: { status: 200, description: 'One row per assessment.', mediaType: 'text/csv' },
        },
      },
    },
    async (request, reply) => {
      const identity = identityOf(request);
      const now = ctx.now();
      await audit(ctx.db, byDevice(identity, 'export', { kind: 'assessments-csv' }), now);
      const day = now.toISOString().slice(0, 10);
      const csv = assessmentsCsv(ctx.db, identity.organisation.id, (error) =>
        request.log.error({ err: error }, 'the CSV export stopped half way'),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="doorstep-assessments-${day}.csv"`)
        .send(csv);
    },
  );
};
