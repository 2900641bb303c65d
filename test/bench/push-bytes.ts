/**
 * Bytes on the wire for full assessments in a push: the request body exactly as SyncClient.push
 * builds it (JSON.stringify({ records }), then the client's own `gzip`, which is CompressionStream
 * ('gzip'): zlib at its default level in Node and in Chromium alike). Run alone with
 * `node --import tsx test/bench/push-bytes.ts`.
 */
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { gzip } from '../../src/sync/client.ts';
import {
  ANSWERS_PER_FULL_ASSESSMENT,
  answerCount,
  finishedAssessment,
  pushRecord,
  pushText,
} from './assessments.ts';

export const PUSH_BYTES_BUDGET = 1024;
const SINGLES = 100;
const BATCH = 100;

async function gzipSize(text: string): Promise<number> {
  const gzipped = await gzip(text);
  if (!gzipped) throw new Error('CompressionStream is missing: Node 18 or later is needed');
  return gzipped.byteLength;
}

export async function measurePushBytes() {
  const singles: { raw: number; gzip: number }[] = [];
  for (let n = 0; n < SINGLES; n++) {
    const assessment = finishedAssessment(n, 7);
    if (answerCount(assessment) !== ANSWERS_PER_FULL_ASSESSMENT) {
      throw new Error(`expected ${ANSWERS_PER_FULL_ASSESSMENT} answers`);
    }
    const text = pushText([pushRecord(assessment)]);
    singles.push({ raw: Buffer.byteLength(text), gzip: await gzipSize(text) });
  }
  const batchText = pushText(
    Array.from({ length: BATCH }, (_, n) => pushRecord(finishedAssessment(n, 7))),
  );
  const batchRaw = Buffer.byteLength(batchText);
  const batchGzip = await gzipSize(batchText);
  // Cross-check: node:zlib at its default level (6) should give the same size as the stream.
  const zlibDefault = gzipSync(batchText).length;

  const first = singles[0] ?? { raw: NaN, gzip: NaN };
  const maxGzip = Math.max(...singles.map((s) => s.gzip));
  const mean = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) / values.length);
  return {
    method:
      'request body of POST /api/push as SyncClient.push builds it: JSON.stringify({ records }) of ' +
      'finished full assessments (104 answers in bank order, ~5% non-answers, seeded), gzipped with ' +
      "src/sync/client.ts gzip() (CompressionStream 'gzip', zlib default level). HTTP headers (about " +
      '300 bytes) not included. Push of 1: first of 100 different assessments, plus mean and max ' +
      'over the 100; budget applies to the max.',
    pushOf1: {
      rawBytes: first.raw,
      gzipBytes: first.gzip,
      meanRawBytes: mean(singles.map((s) => s.raw)),
      meanGzipBytes: mean(singles.map((s) => s.gzip)),
      maxGzipBytes: maxGzip,
      samples: singles.length,
    },
    pushOf100: {
      rawBytes: batchRaw,
      gzipBytes: batchGzip,
      perAssessmentRawBytes: Math.round(batchRaw / BATCH),
      perAssessmentGzipBytes: Math.round(batchGzip / BATCH),
      zlibLevel6GzipBytes: zlibDefault,
    },
    budgetBytes: PUSH_BYTES_BUDGET,
    withinBudget: maxGzip <= PUSH_BYTES_BUDGET,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await measurePushBytes(), null, 2));
}
