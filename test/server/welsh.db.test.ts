// @vitest-environment node
// The server's messages in the language the request asks for: Welsh for a Welsh Accept-Language,
// English (as it always was) otherwise, with the same reason codes in both.
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { message, render, type Message } from '../../src/server/messages.ts';
import {
  MAX_BODY_BYTES,
  PROTOCOL_HEADER,
  pushResponseSchema,
  type PushRecord,
} from '../../src/shared/protocol.ts';
import {
  answersWith,
  deviceHeaders,
  finishedAssessment,
  rawRecord,
  record,
  useTestApi,
  type TestApi,
  type TestDevice,
} from './support/api.ts';
import { describeEachDatabase } from './support/databases.ts';

const LANGUAGES = [
  ['cy', 'cy'],
  ['cy', 'cy-GB,cy;q=0.9,en-GB;q=0.8,en;q=0.7'],
  ['en', undefined],
  ['en', 'en-GB,en;q=0.9'],
  ['en', 'en-GB,cy;q=0.9'],
] as const;

const languageHeader = (acceptLanguage: string | undefined): Record<string, string> =>
  acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage };

function expectSpoken(response: LightMyRequestResponse, language: 'en' | 'cy') {
  expect(response.headers['content-language']).toBe(language);
  expect(String(response.headers['vary'])).toMatch(/\bAccept-Language\b/i);
}

interface Refusal {
  readonly name: string;
  readonly status: number;
  readonly code: string;
  /** The message exactly as the server has always said it. */
  readonly english: string;
  /** The Welsh: from the catalogue, or written out where the message is built from parts. */
  readonly welsh: Message | string;
  send(api: TestApi, headers: Record<string, string>): Promise<LightMyRequestResponse>;
}

const worker = async (api: TestApi) =>
  (await api.organisation()).device('outreach-worker', 'Eleri');

const pushRaw = (
  api: TestApi,
  device: TestDevice,
  headers: Record<string, string>,
  payload: string,
) =>
  api.inject({
    method: 'POST',
    url: '/api/push',
    headers: { ...deviceHeaders(device), ...headers, 'content-type': 'application/json' },
    payload,
  });

const REFUSALS: readonly Refusal[] = [
  {
    name: 'an unauthenticated call',
    status: 401,
    code: 'unauthenticated',
    english: 'This device is not signed in. Enrol it again with a code from your coordinator.',
    welsh: message('access.notSignedIn'),
    send: (api, headers) =>
      api.inject({
        method: 'GET',
        url: '/api/me',
        headers: { ...deviceHeaders(null), ...headers },
      }),
  },
  {
    name: 'a token the server does not know',
    status: 401,
    code: 'unauthenticated',
    english:
      "This device's sign-in is not recognised. Enrol it again with a code from your coordinator.",
    welsh: message('access.unrecognised'),
    send: (api, headers) =>
      api.inject({
        method: 'GET',
        url: '/api/me',
        headers: { ...deviceHeaders(null), authorization: 'Bearer nope', ...headers },
      }),
  },
  {
    name: 'a revoked token',
    status: 401,
    code: 'token_revoked',
    english: 'This device has been signed out. Enrol it again with a code from your coordinator.',
    welsh: message('access.signedOut'),
    async send(api, headers) {
      const device = await worker(api);
      const revoked = await api.call(device, 'POST', '/api/devices/self/revoke');
      expect(revoked.statusCode).toBe(200);
      return api.inject({
        method: 'GET',
        url: '/api/me',
        headers: { ...deviceHeaders(device), ...headers },
      });
    },
  },
  {
    name: 'an outdated protocol version',
    status: 426,
    code: 'unsupported_protocol',
    english: 'This version of Doorstep is out of date. Reload the app while online to update it.',
    welsh: message('access.outdated'),
    async send(api, headers) {
      const device = await worker(api);
      return api.inject({
        method: 'GET',
        url: '/api/me',
        headers: { ...deviceHeaders(device), [PROTOCOL_HEADER]: '0', ...headers },
      });
    },
  },
  {
    name: 'a route for coordinators',
    status: 403,
    code: 'forbidden',
    english: 'Only coordinators and administrators can do this.',
    welsh: message('access.coordinatorsOnly'),
    async send(api, headers) {
      const device = await worker(api);
      return api.inject({
        method: 'GET',
        url: '/api/devices',
        headers: { ...deviceHeaders(device), ...headers },
      });
    },
  },
  {
    name: 'malformed JSON',
    status: 400,
    code: 'invalid_json',
    english: 'The request body is not valid JSON.',
    welsh: message('request.invalidJson'),
    send: async (api, headers) => pushRaw(api, await worker(api), headers, '{"records": ['),
  },
  {
    name: 'an oversized body',
    status: 413,
    code: 'body_too_large',
    english: 'The request is too large for the server. Send fewer assessments at a time.',
    welsh: message('request.tooLarge'),
    send: async (api, headers) =>
      pushRaw(
        api,
        await worker(api),
        headers,
        JSON.stringify({
          records: [{ id: 'a', revision: 1, assessment: 'x'.repeat(MAX_BODY_BYTES) }],
        }),
      ),
  },
  {
    name: 'a request the server does not expect',
    status: 400,
    code: 'invalid_request',
    english:
      'The request is not what the server expects: records: expected at least 1; unknown field "since".',
    welsh:
      "Nid yw'r cais yr hyn y mae'r gweinydd yn ei ddisgwyl: records: disgwylir o leiaf 1; " +
      'maes anhysbys "since".',
    send: async (api, headers) =>
      pushRaw(api, await worker(api), headers, '{"records": [], "since": 0}'),
  },
  {
    name: 'an address with nothing at it',
    status: 404,
    code: 'not_found',
    english: 'Nothing is found at GET /api/nothing.',
    welsh: "Nid oes dim byd i'w gael ar gyfer GET /api/nothing.",
    send: (api, headers) =>
      api.inject({
        method: 'GET',
        url: '/api/nothing',
        headers: { ...deviceHeaders(null), ...headers },
      }),
  },
];

/** One record for each reason a push refuses a record, with what is said in each language. */
function rejectedRecords(): readonly [PushRecord, string, string, string][] {
  const missing = 'skipped, prefer-not-to-say, dont-know, not-applicable';
  const mismatch = finishedAssessment({ id: 'r-mismatch' });
  return [
    [
      rawRecord(finishedAssessment(), { scores: { basics: 100 } }),
      'unknown_field',
      'The assessment has a field this server does not know: scores.',
      "Mae gan yr asesiad faes nad yw'r gweinydd hwn yn ei adnabod: scores.",
    ],
    [
      rawRecord(finishedAssessment(), { scores: {}, colour: 'blue' }),
      'unknown_field',
      'The assessment has fields this server does not know: scores, colour.',
      "Mae gan yr asesiad feysydd nad yw'r gweinydd hwn yn eu hadnabod: scores, colour.",
    ],
    [
      record(finishedAssessment({ answers: answersWith((a) => (a.skill['ZZ99'] = 1)) })),
      'unknown_item',
      'The assessment answers a question that question bank 1 does not have: skill.ZZ99.',
      "Mae'r asesiad yn ateb cwestiwn nad yw ym manc cwestiynau 1: skill.ZZ99.",
    ],
    [
      rawRecord(finishedAssessment(), {
        answers: answersWith((a) => (a.basics['B1'] = 5 as never)),
      }),
      'answer_out_of_scale',
      `An answer is not on the scale: basics.B1 = 5. An answer is a score from 0 to 4 or one of ${missing}.`,
      `Mae ateb y tu allan i'r raddfa: basics.B1 = 5. Mae ateb yn sgôr o 0 i 4 neu'n un o ${missing}.`,
    ],
    [
      rawRecord(finishedAssessment(), {
        answers: answersWith((a) => {
          a.basics['B1'] = 5 as never;
          a.basics['B2'] = 'maybe' as never;
        }),
      }),
      'answer_out_of_scale',
      `Answers are not on the scale: basics.B1 = 5, basics.B2 = "maybe". An answer is a score from 0 to 4 or one of ${missing}.`,
      `Mae atebion y tu allan i'r raddfa: basics.B1 = 5, basics.B2 = "maybe". Mae ateb yn sgôr o 0 i 4 neu'n un o ${missing}.`,
    ],
    [
      rawRecord(finishedAssessment(), { bankVersion: 2 }),
      'unsupported_bank_version',
      'The assessment was made with bankVersion 2, which this server does not support (it knows question bank 1 with scale 1).',
      "Gwnaed yr asesiad gyda bankVersion 2, ac nid yw'r gweinydd hwn yn cefnogi hynny (mae'n gwybod am fanc cwestiynau 1 gyda graddfa 1).",
    ],
    [
      record(finishedAssessment({ status: 'in-progress' })),
      'not_finished',
      'The assessment is not finished: only finished assessments are sent to the council.',
      "Nid yw'r asesiad wedi'i orffen: dim ond asesiadau sydd wedi'u gorffen sy'n cael eu hanfon i'r cyngor.",
    ],
    [
      rawRecord(finishedAssessment(), { date: 'yesterday' }),
      'invalid_record',
      'The assessment could not be read: date: not a real date (YYYY-MM-DD).',
      "Nid oedd modd darllen yr asesiad: date: nid yw'n ddyddiad go iawn (YYYY-MM-DD).",
    ],
    [
      { ...record(mismatch), revision: 7 },
      'invalid_record',
      'The record says id "r-mismatch" revision 7, but the assessment inside it is id "r-mismatch" revision 1.',
      'Mae\'r cofnod yn nodi id "r-mismatch", diwygiad 7, ond mae gan yr asesiad sydd ynddo id "r-mismatch", diwygiad 1.',
    ],
  ];
}

describeEachDatabase('messages in the language of the request', ({ use }) => {
  const api = useTestApi(use());

  describe.each(LANGUAGES)('in %s for Accept-Language %j', (language, acceptLanguage) => {
    const headers = languageHeader(acceptLanguage);

    it.each(REFUSALS.map((refusal) => [refusal.name, refusal] as const))(
      'refuses %s',
      async (_, refusal) => {
        const response = await refusal.send(api(), headers);
        expect(response.statusCode).toBe(refusal.status);
        const expected =
          language === 'en'
            ? refusal.english
            : typeof refusal.welsh === 'string'
              ? refusal.welsh
              : render('cy', refusal.welsh);
        expect(response.json()).toEqual({ error: { code: refusal.code, message: expected } });
        expectSpoken(response, language);
      },
    );

    it('rejects each bad record of a push with its reason code, and accepts the good one', async () => {
      const device = await worker(api());
      const rejected = rejectedRecords();
      const good = record(finishedAssessment());
      const response = await pushRaw(
        api(),
        device,
        headers,
        JSON.stringify({ records: [...rejected.map(([r]) => r), good] }),
      );
      expect(response.statusCode, response.body).toBe(200);
      expectSpoken(response, language);
      const results = pushResponseSchema.parse(response.json()).results;
      expect(
        results.map((r) => (r.status === 'rejected' ? [r.code, r.message] : r.status)),
      ).toEqual([
        ...rejected.map(([, code, english, welsh]) => [code, language === 'en' ? english : welsh]),
        'accepted',
      ]);
    });
  });

  it('answers in Welsh when all of a push is accepted, too', async () => {
    const response = await pushRaw(
      api(),
      await worker(api()),
      { 'accept-language': 'cy' },
      JSON.stringify({ records: [record(finishedAssessment())] }),
    );
    expect(response.statusCode).toBe(200);
    expectSpoken(response, 'cy');
  });

  it('keeps the compression Vary beside its own', async () => {
    const device = await worker(api());
    const records = Array.from({ length: 20 }, () =>
      rawRecord(finishedAssessment(), { bankVersion: 2 }),
    );
    const response = await api().inject({
      method: 'POST',
      url: '/api/push',
      headers: {
        ...deviceHeaders(device),
        'accept-language': 'cy',
        'accept-encoding': 'gzip',
        'content-type': 'application/json',
      },
      payload: JSON.stringify({ records }),
    });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(String(response.headers['vary']).toLowerCase().split(/,\s*/).sort()).toEqual([
      'accept-encoding',
      'accept-language',
    ]);
  });

  it('says nothing about language where no message is sent', async () => {
    const device = await worker(api());
    const response = await api().inject({
      method: 'GET',
      url: '/api/me',
      headers: { ...deviceHeaders(device), 'accept-language': 'cy' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-language']).toBeUndefined();
  });
});
