// Request bodies are JSON, and devices gzip their pushes (a full assessment is about 600 bytes
// gzipped, several KiB as JSON). Bodies are small, so each is inflated in one synchronous call
// rather than through a stream: at hundreds of pushes a second, setting up a stream per request
// cost more than the inflating. The size limit applies after inflating too, so a small "zip
// bomb" is refused like any other oversized body.
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { MAX_BODY_BYTES } from '../../shared/protocol.ts';
import { ApiError, bodyTooLarge } from '../errors.ts';
import { message } from '../messages.ts';

export function parseJsonBodies(api: FastifyInstance): void {
  // Fastify's own parser, which refuses prototype poisoning.
  const parseJson = api.getDefaultJsonParser('error', 'error');
  api.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const raw = typeof body === 'string' ? Buffer.from(body) : body;
    const json = inflate(raw, request.headers['content-encoding']);
    if (json instanceof ApiError) done(json, undefined);
    // A POST without a body but with a JSON content type (fetch makes that easy) is "no body",
    // not malformed JSON.
    else if (json.length === 0) done(null, undefined);
    else parseJson(request, json.toString('utf8'), done);
  });
}

function inflate(body: Buffer, encoding: string | undefined): Buffer | ApiError {
  if (encoding === undefined || encoding === 'identity') return body;
  if (encoding !== 'gzip') {
    return new ApiError('invalid_request', message('request.encoding', { encoding }));
  }
  try {
    return gunzipSync(body, { maxOutputLength: MAX_BODY_BYTES });
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null;
    return code === 'ERR_BUFFER_TOO_LARGE'
      ? bodyTooLarge()
      : new ApiError('invalid_request', message('request.notGzip'));
  }
}
