/**
 * The sync protocol between the app and the council's server, described once. Both sides parse
 * with these schemas; the server publishes them as its OpenAPI document.
 */
import * as z from 'zod/mini';
import { assessmentSchema } from '../domain/index.ts';

/** Bumped on any change a client must know about. A server answers other versions with 426. */
export const PROTOCOL_VERSION = 1;
export const PROTOCOL_HEADER = 'doorstep-protocol';

/** Largest request body the server reads, and so the largest push a client sends. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Assessments per push: well under the body limit (a full assessment is about 2 KB). */
export const MAX_BATCH = 100;

export const REASON_CODES = [
  // Whole request
  'invalid_json',
  'invalid_request',
  'body_too_large',
  'unsupported_protocol',
  'unauthenticated',
  'token_revoked',
  'forbidden',
  'not_found',
  'enrolment_code_invalid',
  'username_taken',
  'sign_in_failed',
  'sign_in_locked',
  'invalid_baselines',
  'baseline_too_small',
  'internal_error',
  // One record of a push
  'invalid_record',
  'unknown_field',
  'unknown_item',
  'answer_out_of_scale',
  'unsupported_bank_version',
  'not_finished',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** The languages the server words its messages in (chosen by Accept-Language). */
export const MESSAGE_LANGUAGES = ['en', 'cy'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

/** The language of an answer's messages, from its Content-Language header (English if none). */
export function messageLanguageOf(contentLanguage: string | null): MessageLanguage {
  return contentLanguage?.trim().toLowerCase().startsWith('cy') ? 'cy' : 'en';
}

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(REASON_CODES),
    message: z.string(),
    /** One line per problem, where a file or a form had several (an import, for example). */
    problems: z.optional(z.array(z.string())),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const ROLES = ['outreach-worker', 'coordinator', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

/**
 * A worker's username, unique in their organisation: trimmed and lower-cased, then 3 to 64 of
 * a-z 0-9 . _ @ -, starting with a letter or digit.
 */
export const usernameSchema = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.minLength(3),
    z.maxLength(64),
    z.regex(/^[a-z0-9][a-z0-9._@-]*$/),
  );
export const passphraseSchema = z.string().check(z.minLength(10), z.maxLength(200));

/**
 * A username and passphrase are optional but go together: with them the code also sets (or
 * resets) the person's account, used to sign in on shared devices.
 */
export const enrolRequestSchema = z.strictObject({
  code: z.string().check(z.minLength(4), z.maxLength(64)),
  deviceName: z.string().check(z.minLength(1), z.maxLength(80)),
  username: z.optional(usernameSchema),
  passphrase: z.optional(passphraseSchema),
});
export const enrolResponseSchema = z.object({
  token: z.string(),
  device: z.object({ id: z.string(), name: z.string() }),
  person: z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES) }),
  organisation: z.object({ id: z.string(), name: z.string() }),
});

/** POST /api/sign-in, with an enrolled device's token: a worker signs in on that device. */
export const signInRequestSchema = z.strictObject({
  username: usernameSchema,
  passphrase: passphraseSchema,
});
/**
 * The worker's own token on this device, and `vaultSecret`: 32 random bytes (base64url), the
 * same each time this person signs in on this physical device.
 */
export const signInResponseSchema = z.extend(enrolResponseSchema, { vaultSecret: z.string() });

/** One assessment in a push: the client's id and revision, and the record itself. */
export const pushRecordSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  revision: z.number().check(z.int(), z.minimum(1)),
  assessment: z.unknown(),
});
export const pushRequestSchema = z.strictObject({
  records: z.array(pushRecordSchema).check(z.minLength(1), z.maxLength(MAX_BATCH)),
});

export const receiptSchema = z.object({
  id: z.string(),
  revision: z.number(),
  /** The server's time of first receipt of this revision, ISO 8601. */
  receivedAt: z.string(),
});
export const pushResultSchema = z.union([
  z.object({ id: z.string(), status: z.literal('accepted'), receipt: receiptSchema }),
  z.object({
    id: z.string(),
    status: z.literal('rejected'),
    code: z.enum(REASON_CODES),
    message: z.string(),
  }),
]);
export const pushResponseSchema = z.object({ results: z.array(pushResultSchema) });

export type EnrolRequest = z.infer<typeof enrolRequestSchema>;
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;
export type SignInRequest = z.infer<typeof signInRequestSchema>;
export type SignInResponse = z.infer<typeof signInResponseSchema>;
export type PushRecord = z.infer<typeof pushRecordSchema>;
export type PushRequest = z.infer<typeof pushRequestSchema>;
export type PushResult = z.infer<typeof pushResultSchema>;
export type PushResponse = z.infer<typeof pushResponseSchema>;
export type Receipt = z.infer<typeof receiptSchema>;

/** The record inside a push is validated on its own, so one bad record does not sink a batch. */
export const wireAssessmentSchema = assessmentSchema;
