// Request bodies are parsed with the protocol's own schemas; what is wrong is named in the
// refusal (the field and the problem), not left as "Bad request".
import type * as z from 'zod/mini';
import { describeIssues } from '../../domain/index.ts';
import { ApiError } from '../errors.ts';

export function parseBody<S extends z.ZodMiniType>(schema: S, body: unknown): z.infer<S> {
  if (body === undefined) {
    throw new ApiError('invalid_request', 'The request has no body: send it as JSON.');
  }
  const parsed = schema.safeParse(body, { reportInput: true });
  if (!parsed.success) {
    throw new ApiError(
      'invalid_request',
      `The request is not what the server expects: ${describeIssues(parsed.error.issues).join('; ')}.`,
    );
  }
  return parsed.data;
}
