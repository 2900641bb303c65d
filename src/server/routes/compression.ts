// Answers of megabytes (a whole organisation's CSV, a cohort of 10,000 records) are compressed
// at cheaper levels than the rest: brotli 4 still shrinks them about five times, in half the
// time of 5.
import { constants as zlib } from 'node:zlib';
import type { RouteShorthandOptions } from 'fastify';

export const LARGE_ANSWER_COMPRESSION: NonNullable<RouteShorthandOptions['compress']> = {
  encodings: ['br', 'gzip'],
  brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  zlibOptions: { level: 1 },
};
