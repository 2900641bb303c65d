// Devices send finished assessments here, at least once; each is stored exactly once.
import type { FastifyPluginAsync } from 'fastify';
import {
  MAX_BATCH,
  pushRequestSchema,
  pushResponseSchema,
  type PushResponse,
} from '../../shared/protocol.ts';
import { speakTo } from '../language.ts';
import { render } from '../messages.ts';
import { ingest } from '../services/ingest.ts';
import { identityOf } from './access.ts';
import { parseBody } from './body.ts';
import type { ApiContext } from './context.ts';

export const pushRoutes: FastifyPluginAsync<ApiContext> = async (api, ctx) => {
  api.post(
    '/push',
    {
      config: {
        access: 'device',
        doc: {
          operationId: 'push',
          summary: 'Send finished assessments (idempotent)',
          description:
            `Up to ${MAX_BATCH} records. One result per record, in order: accepted with the ` +
            "receipt of the revision the server holds (a record's revision at or below it " +
            'changes nothing, a higher one replaces it and the old one is kept in the history), ' +
            'or rejected with a reason code. Sending again is always safe.',
          body: pushRequestSchema,
          success: {
            status: 200,
            description: 'One result per record.',
            schema: pushResponseSchema,
          },
        },
      },
    },
    async (request, reply): Promise<PushResponse> => {
      const push = parseBody(pushRequestSchema, request.body);
      const results = await ingest(ctx.db, ctx.newRecords, identityOf(request), push, ctx.now());
      // Said in the reader's language even when all are accepted: the answer could have held
      // rejections, so it varies with Accept-Language either way.
      const language = speakTo(request, reply);
      return {
        results: results.map((r) =>
          r.status === 'rejected' ? { ...r, message: render(language, r.message) } : r,
        ),
      };
    },
  );
};
