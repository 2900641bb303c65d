// A resident's rights (subject access and erasure, for coordinators) and the audit log (for
// administrators).
import type { FastifyPluginAsync } from 'fastify';
import { RESIDENT_REF_PATTERN } from '../../domain/index.ts';
import {
  auditListResponseSchema,
  auditQuerySchema,
  residentErasureResponseSchema,
  residentExportSchema,
  type AuditListResponse,
  type ResidentErasureResponse,
} from '../../shared/council-api.ts';
import { ApiError } from '../errors.ts';
import { message } from '../messages.ts';
import { DEFAULT_AUDIT_PAGE, listAudit } from '../services/audit.ts';
import { eraseResident, exportResident } from '../services/residents.ts';
import { identityOf } from './access.ts';
import { parseQuery } from './body.ts';
import type { ApiContext } from './context.ts';

function residentRefOf(params: { ref: string }): string {
  if (!RESIDENT_REF_PATTERN.test(params.ref)) {
    throw new ApiError('invalid_request', message('resident.invalidRef'));
  }
  return params.ref;
}

export const privacyRoutes: FastifyPluginAsync<ApiContext> = async (api, ctx) => {
  api.get<{ Params: { ref: string } }>(
    '/residents/:ref/export',
    {
      config: {
        access: 'coordinator',
        doc: {
          operationId: 'exportResident',
          summary: 'Everything the server holds about one resident reference (subject access)',
          description:
            'The reference is URL-encoded. A JSON download: each assessment held with its ' +
            'scores, who sent it and when, and the earlier revisions kept. Audited. A reference ' +
            'the organisation holds no assessment of is not_found.',
          success: {
            status: 200,
            description: 'The export, as an attachment.',
            schema: residentExportSchema,
          },
          refusals: [400, 404],
        },
      },
    },
    async (request, reply) => {
      const ref = residentRefOf(request.params);
      const now = ctx.now();
      const exported = await exportResident(ctx.db, identityOf(request), ref, now);
      const day = now.toISOString().slice(0, 10);
      // Only letters, digits and dashes in a file name; the reference itself is in the file.
      const name = ref.replace(/[^A-Za-z0-9-]/g, '_');
      return reply
        .type('application/json; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="doorstep-resident-${name}-${day}.json"`,
        )
        .send(exported);
    },
  );

  api.delete<{ Params: { ref: string } }>(
    '/residents/:ref',
    {
      config: {
        access: 'coordinator',
        doc: {
          operationId: 'eraseResident',
          summary: "Erase a resident's assessments and their earlier revisions",
          description:
            'The reference is URL-encoded. All or nothing, in one transaction, and audited. A ' +
            'reference the organisation holds no assessment of is not_found.',
          success: {
            status: 200,
            description: 'What was erased.',
            schema: residentErasureResponseSchema,
          },
          refusals: [400, 404],
        },
      },
    },
    async (request): Promise<ResidentErasureResponse> =>
      eraseResident(ctx.db, identityOf(request), residentRefOf(request.params), ctx.now()),
  );

  api.get(
    '/audit',
    {
      config: {
        access: 'administrator',
        doc: {
          operationId: 'listAudit',
          summary: "The organisation's audit log, newest first",
          description:
            'Enrolments, enrolment codes created, devices signed out, exports, erasures, ' +
            'retention runs and refusals across organisations. limit is 1 to 200 (default ' +
            `${DEFAULT_AUDIT_PAGE}); pass next as before for the following page.`,
          query: auditQuerySchema,
          success: { status: 200, description: 'One page.', schema: auditListResponseSchema },
          refusals: [400],
        },
      },
    },
    async (request): Promise<AuditListResponse> => {
      const query = parseQuery(auditQuerySchema, request.query);
      return listAudit(ctx.db, identityOf(request).organisation.id, {
        limit: query.limit === undefined ? DEFAULT_AUDIT_PAGE : Number(query.limit),
        before: query.before === undefined ? undefined : Number(query.before),
      });
    },
  );
};
