// The server in process, for API tests: a fresh database per test, a clock the test moves, and
// helpers that enrol devices the way a real person would (a code, then POST /api/enrol).
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, expect } from 'vitest';
import { newAssessment, type Answers, type Assessment } from '../../../src/domain/index.ts';
import { createApp } from '../../../src/server/app.ts';
import type { Database, OpenedDatabase } from '../../../src/server/db/database.ts';
import { createEnrolmentCode } from '../../../src/server/services/enrolment.ts';
import { createOrganisation, createPerson } from '../../../src/server/services/people.ts';
import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  errorBodySchema,
  pushResponseSchema,
  type EnrolResponse,
  type PushRecord,
  type Role,
} from '../../../src/shared/protocol.ts';
import { completeAnswers } from '../../domain/builders.ts';

export const START = new Date('2026-11-21T10:00:00.000Z');

export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

export function testClock(start: Date = START): TestClock {
  let time = start.getTime();
  return {
    now: () => new Date(time),
    advance: (ms) => {
      time += ms;
    },
  };
}

/** An enrolled device, as POST /api/enrol answered it. */
export type TestDevice = EnrolResponse;

export interface TestOrganisation {
  readonly id: string;
  readonly name: string;
  /** Enrols a new device for a new person of this role. */
  device(role: Role, personName?: string): Promise<TestDevice>;
}

export interface TestApi {
  readonly app: FastifyInstance;
  readonly db: Database;
  readonly clock: TestClock;
  organisation(name?: string): Promise<TestOrganisation>;
  /** A request as a device sends it: protocol header, and the token when a device is given. */
  call(
    device: TestDevice | null,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export const deviceHeaders = (device: TestDevice | null): Record<string, string> => ({
  [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
  ...(device ? { authorization: `Bearer ${device.token}` } : {}),
});

/** Registers a fresh app per test on the database `database()` gives for that test. */
export function useTestApi(database: () => OpenedDatabase): () => TestApi {
  let api: TestApi | undefined;
  beforeEach(async () => {
    api = await testApi(database().db);
  });
  afterEach(async () => {
    await api?.app.close();
    api = undefined;
  });
  return () => {
    if (!api) throw new Error('The test API is used outside a test.');
    return api;
  };
}

async function testApi(db: Database): Promise<TestApi> {
  const clock = testClock();
  const app = await createApp({ db, now: clock.now });
  const inject = (options: InjectOptions) => app.inject(options);
  const call: TestApi['call'] = (device, method, url, body) =>
    inject(
      body === undefined
        ? { method, url, headers: deviceHeaders(device) }
        : {
            method,
            url,
            headers: { ...deviceHeaders(device), 'content-type': 'application/json' },
            payload: JSON.stringify(body),
          },
    );
  let people = 0;

  async function organisation(name = 'Test council'): Promise<TestOrganisation> {
    const organisation = await createOrganisation(db, name, clock.now());
    return {
      ...organisation,
      async device(role, personName = `Person ${++people}`) {
        const person = await createPerson(
          db,
          { organisationId: organisation.id, name: personName, role },
          clock.now(),
        );
        const { code } = await createEnrolmentCode(
          db,
          { organisationId: organisation.id, personId: person.id, createdByDeviceId: null },
          clock.now(),
          60_000,
        );
        const response = await call(null, 'POST', '/api/enrol', {
          code,
          deviceName: `${personName}'s tablet`,
        });
        expect(response.statusCode, response.body).toBe(201);
        return response.json<EnrolResponse>();
      },
    };
  }

  return { app, db, clock, organisation, call, inject };
}

// ---------------------------------------------------------------------------------------------
// Assessments as devices send them

let assessments = 0;

/** A finished full assessment with every question answered; override what a test is about. */
export function finishedAssessment(overrides: Partial<Assessment> = {}): Assessment {
  const id = overrides.id ?? `a-${++assessments}-${Math.random().toString(36).slice(2, 8)}`;
  const base = newAssessment(
    { residentRef: 'LIB-0042', venue: 'library', date: '2026-11-20', set: 'full', language: 'en' },
    { id, now: START.getTime() },
  );
  return {
    ...base,
    answers: completeAnswers(),
    status: 'finished',
    step: 9,
    finishedAt: START.getTime(),
    ...overrides,
  };
}

export function record(assessment: Assessment): PushRecord {
  return { id: assessment.id, revision: assessment.revision, assessment };
}

/** Pushes the assessments from the device, as a set-up step: every one must be accepted. */
export async function pushAccepted(api: TestApi, device: TestDevice, ...list: Assessment[]) {
  const response = await api.call(device, 'POST', '/api/push', { records: list.map(record) });
  const results = pushResponseSchema.parse(response.json()).results;
  expect(results.every((r) => r.status === 'accepted')).toBe(true);
}

/** The reason code and message of a refusal. */
export const errorOf = (response: { json(): unknown }) =>
  errorBodySchema.parse(response.json()).error;

/** A record whose assessment is changed by hand (for records the schema must refuse). */
export function rawRecord(assessment: Assessment, change: Record<string, unknown>): PushRecord {
  return { ...record(assessment), assessment: { ...assessment, ...change } };
}

export function answersWith(change: (answers: Answers) => void): Answers {
  const answers = completeAnswers();
  change(answers);
  return answers;
}
