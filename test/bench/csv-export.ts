/**
 * The CSV export of a busy organisation: 10,000 received full assessments (every answer, a
 * programme and venue name on most, outcomes on some), downloaded from GET /api/assessments.csv
 * by a real HTTP client over a socket on 127.0.0.1, reading the whole streamed body. The rows are
 * put in the database in bulk, as ingest would have left them (scores computed by the domain),
 * so the time is the export's alone. PostgreSQL when TEST_DATABASE_URL is set (a fresh database,
 * dropped afterwards), in-memory PGlite otherwise. Run alone with
 * `node --import tsx test/bench/csv-export.ts`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { bankV1, scaleV1, scoreAssessment, type Assessment } from '../../src/domain/index.ts';
import { createApp } from '../../src/server/app.ts';
import { openDatabase, type OpenedDatabase } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { assessments } from '../../src/server/db/schema.ts';
import { createEnrolmentCode } from '../../src/server/services/enrolment.ts';
import { createOrganisation, createPerson } from '../../src/server/services/people.ts';
import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type EnrolResponse,
} from '../../src/shared/protocol.ts';
import { finishedAssessment, seededRandom } from './assessments.ts';

export const CSV_EXPORT_BUDGET_MS = 2_000;
const ASSESSMENTS = 10_000;
const INSERT_CHUNK = 1_000;
const PROGRAMMES = ['Library drop-in, spring', 'Home visits 2026', 'Jobs club'];
const VENUE_NAMES = ['Central Library', 'Riverside Hub', 'St Mary’s Hall'];
const OUTCOMES = ['banks-online', 'gp-appointment-online', 'got-device', 'video-calls'];

/** The n-th assessment, tagged like a council's: most in a programme, some with outcomes. */
function taggedAssessment(n: number): Assessment {
  const assessment = finishedAssessment(n, 7);
  const random = seededRandom(n);
  const programme = PROGRAMMES[Math.floor(random() * (PROGRAMMES.length + 1))];
  const venueName = VENUE_NAMES[Math.floor(random() * VENUE_NAMES.length)];
  const outcomes = OUTCOMES.filter(() => random() < 0.15).map((type) => ({
    type,
    date: assessment.date,
  }));
  return {
    ...assessment,
    ...(programme ? { programme, venueName } : {}),
    ...(outcomes.length > 0 ? { outcomes } : {}),
  };
}

async function benchDatabase(): Promise<{ opened: OpenedDatabase; drop(): Promise<void> }> {
  const base = process.env['TEST_DATABASE_URL'];
  if (!base) return { opened: await openDatabase(), drop: async () => {} };
  const name = `doorstep_bench_csv_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    opened: await openDatabase({ url: url.toString() }),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export async function measureCsvExport(): Promise<{
  assessments: number;
  ms: number;
  bytes: number;
}> {
  const { opened, drop } = await benchDatabase();
  const { db } = opened;
  try {
    await migrate(db);
    const now = new Date();
    const organisation = await createOrganisation(db, 'Bench council', now);
    const person = await createPerson(
      db,
      { organisationId: organisation.id, name: 'Cora Coordinator', role: 'coordinator' },
      now,
    );
    const app = await createApp({ db });
    const origin = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { code } = await createEnrolmentCode(
        db,
        { organisationId: organisation.id, personId: person.id, createdByDeviceId: null },
        now,
        60_000,
      );
      const enrolled = await fetch(`${origin}/api/enrol`, {
        method: 'POST',
        headers: {
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
          'content-type': 'application/json',
        },
        body: JSON.stringify({ code, deviceName: 'Bench tablet' }),
      });
      if (!enrolled.ok) throw new Error(`enrol: ${enrolled.status} ${await enrolled.text()}`);
      const device = (await enrolled.json()) as EnrolResponse;

      for (let start = 0; start < ASSESSMENTS; start += INSERT_CHUNK) {
        const rows = Array.from({ length: Math.min(INSERT_CHUNK, ASSESSMENTS - start) }, (_, i) => {
          const payload = taggedAssessment(start + i);
          const { sections, plan } = scoreAssessment(payload.answers, bankV1, scaleV1);
          const receivedAt = new Date(now.getTime() - (start + i) * 1_000);
          return {
            organisationId: organisation.id,
            id: payload.id,
            revision: payload.revision,
            payload,
            scores: { sections, plan },
            deviceId: device.device.id,
            personId: person.id,
            receivedAt,
            firstReceivedAt: receivedAt,
          };
        });
        await db.insert(assessments).values(rows);
      }

      const download = async () => {
        const started = performance.now();
        const response = await fetch(`${origin}/api/assessments.csv`, {
          headers: {
            [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
            authorization: `Bearer ${device.token}`,
          },
        });
        if (!response.ok) throw new Error(`export: ${response.status} ${await response.text()}`);
        const body = new Uint8Array(await response.arrayBuffer());
        const ms = performance.now() - started;
        // Header plus one line per assessment (no answer holds a line break); checked untimed.
        let lines = 0;
        for (const byte of body) if (byte === 0x0a) lines += 1;
        if (lines !== ASSESSMENTS + 1) {
          throw new Error(`export: ${lines - 1} rows, not ${ASSESSMENTS}`);
        }
        return { ms, bytes: body.byteLength };
      };
      // The first download also compiles the query and warms the code paths: timed separately.
      await download();
      const runs = [await download(), await download(), await download()];
      const median = runs.map((run) => run.ms).sort((a, b) => a - b)[1] ?? 0;
      return {
        assessments: ASSESSMENTS,
        ms: Math.round(median),
        bytes: runs[0]?.bytes ?? 0,
      };
    } finally {
      await app.close();
    }
  } finally {
    await opened.close();
    await drop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await measureCsvExport();
  console.log(
    JSON.stringify(
      {
        csvExport: {
          ...result,
          database: process.env['TEST_DATABASE_URL'] ? 'postgres' : 'pglite',
          budgetMs: CSV_EXPORT_BUDGET_MS,
          withinBudget: result.ms <= CSV_EXPORT_BUDGET_MS,
        },
      },
      null,
      2,
    ),
  );
}
