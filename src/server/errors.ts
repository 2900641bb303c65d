// Every refusal the server sends is `{ error: { code, message } }` with a code from the
// protocol's REASON_CODES and a message a person can act on, in the request's language. Services
// throw ApiError with a Message from the catalogue; the error handler turns it, and anything
// Fastify throws, into that body.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody, ReasonCode } from '../shared/protocol.ts';
import { speakTo } from './language.ts';
import { message, render, type Message } from './messages.ts';

/** The one HTTP status of each reason code. Record codes are answered inside a 200 push. */
const STATUS: Readonly<Record<ReasonCode, number>> = {
  invalid_json: 400,
  invalid_request: 400,
  enrolment_code_invalid: 400,
  invalid_baselines: 400,
  baseline_too_small: 422,
  unauthenticated: 401,
  token_revoked: 401,
  forbidden: 403,
  not_found: 404,
  username_taken: 409,
  sign_in_failed: 401,
  sign_in_locked: 429,
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
    /** What the person is told, put into words in the language of the reply. */
    readonly text: Message,
    /** Each problem with a file or form, already in words (lines name items and rows). */
    readonly problems?: readonly string[],
  ) {
    super(render('en', text)); // for logs, which stay English
    this.name = 'ApiError';
    this.status = STATUS[code];
  }
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: ApiError) {
  const language = speakTo(request, reply);
  const body: ErrorBody = {
    error: {
      code: error.code,
      message: render(language, error.text),
      ...(error.problems ? { problems: [...error.problems] } : {}),
    },
  };
  return reply.code(error.status).type('application/json; charset=utf-8').send(body);
}

export function replyWithError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const apiError = toApiError(error);
  if (apiError.status >= 500) request.log.error({ err: error }, 'request failed');
  return sendError(request, reply, apiError);
}

export const bodyTooLarge = () => new ApiError('body_too_large', message('request.tooLarge'));

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  switch (fastifyCodeOf(error)) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError('invalid_json', message('request.invalidJson'));
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return bodyTooLarge();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError('invalid_request', message('request.notJson'));
  }
  const status = statusOf(error);
  if (status === 404) return new ApiError('not_found', message('server.notFound'));
  if (status < 500) return new ApiError('invalid_request', message('request.unreadable'));
  return new ApiError('internal_error', message('server.failed'));
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
