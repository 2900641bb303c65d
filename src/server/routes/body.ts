// Request bodies are parsed with the protocol's own schemas; what is wrong is named in the
// refusal (the field and the problem), not left as "Bad request".
import type * as z from 'zod/mini';
import { ApiError } from '../errors.ts';
import { message } from '../messages.ts';

export function parseBody<S extends z.ZodMiniType>(schema: S, body: unknown): z.infer<S> {
  if (body === undefined) {
    throw new ApiError('invalid_request', message('request.noBody'));
  }
  const parsed = schema.safeParse(body, { reportInput: true });
  if (!parsed.success) {
    throw new ApiError(
      'invalid_request',
      message('request.unexpected', { issues: parsed.error.issues }),
    );
  }
  return parsed.data;
}

/** A query string, parsed like a body: each problem named. */
export function parseQuery<S extends z.ZodMiniType>(schema: S, query: unknown): z.infer<S> {
  return parseBody(schema, query ?? {});
}
