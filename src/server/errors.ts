// Every refusal the server sends is `{ error: { code, message } }` with a code from the
// protocol's REASON_CODES and a message a person can act on. Services throw ApiError; the error
// handler turns it, and anything Fastify throws, into that body.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody, ReasonCode } from '../shared/protocol.ts';

/** The one HTTP status of each reason code. Record codes are answered inside a 200 push. */
const STATUS: Readonly<Record<ReasonCode, number>> = {
  invalid_json: 400,
  invalid_request: 400,
  enrolment_code_invalid: 400,
  unauthenticated: 401,
  token_revoked: 401,
  forbidden: 403,
  not_found: 404,
  body_too_large: 413,
  unsupported_protocol: 426,
  internal_error: 500,
  invalid_record: 422,
  unknown_field: 422,
  unknown_item: 422,
  answer_out_of_scale: 422,
  unsupported_bank_version: 422,
  not_finished: 422,
};

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ReasonCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = STATUS[code];
  }
}

export function sendError(reply: FastifyReply, error: ApiError) {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  return reply.code(error.status).type('application/json; charset=utf-8').send(body);
}

export function replyWithError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const apiError = toApiError(error);
  if (apiError.status >= 500) request.log.error({ err: error }, 'request failed');
  return sendError(reply, apiError);
}

export const bodyTooLarge = () =>
  new ApiError(
    'body_too_large',
    'The request is too large for the server. Send fewer assessments at a time.',
  );

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  switch (fastifyCodeOf(error)) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError('invalid_json', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return bodyTooLarge();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError('invalid_request', 'Send the request body as JSON.');
  }
  const status = statusOf(error);
  if (status === 404) return new ApiError('not_found', 'Nothing is found at this address.');
  if (status < 500)
    return new ApiError('invalid_request', 'The server could not read the request.');
  return new ApiError('internal_error', 'Something went wrong on the server. Try again later.');
}

function fastifyCodeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

function statusOf(error: unknown): number {
  const status =
    typeof error === 'object' && error !== null && 'statusCode' in error
      ? error.statusCode
      : undefined;
  return typeof status === 'number' && status >= 400 && status <= 599 ? status : 500;
}
