/**
 * The server's API beyond sync: accounts and devices, the council's view of what it received,
 * residents over time, programmes and the organisation's own settings. Used by screens opened
 * online and by the server; apart from protocol.ts (sync) so the start screen does not download it.
 */
import * as z from 'zod/mini';
import {
  ASSESSMENT_SETS,
  HEALTH_QUESTION_MODES,
  PERIODS,
  VENUES,
  assessmentSchema,
  bankV1,
  baselineSchema,
  compactAnswersSchema,
  directorySchema,
  outcomeTypeSchema,
  tagSchema,
} from '../domain/index.ts';
import { ROLES, enrolResponseSchema } from './protocol.ts';

export const organisationSchema = z.object({ id: z.string(), name: z.string() });
export const personSchema = z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES) });

/** GET /api/me: who this device's token speaks for. */
export const meResponseSchema = z.omit(enrolResponseSchema, { token: true });

/** POST /api/enrolment-codes: a one-time code that enrols a device for a new person. */
export const enrolmentCodeRequestSchema = z.strictObject({
  personName: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
  role: z.enum(ROLES),
});
export const enrolmentCodeResponseSchema = z.object({
  /** Shown once: the server keeps only its hash. Typeable, e.g. 7KQ2-M9XD-4RTA. */
  code: z.string(),
  expiresAt: z.string(),
  person: personSchema,
});

/**
 * A device as coordinators see it. Times are ISO 8601; null means "never". `enrolledVia` is null
 * for a physical device (enrolled with a code) and, for a worker's session signed in on one
 * (POST /api/sign-in), that physical device's id.
 */
export const deviceSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  person: personSchema,
  createdAt: z.string(),
  lastSeenAt: z.nullable(z.string()),
  revokedAt: z.nullable(z.string()),
  enrolledVia: z.nullable(z.string()),
});
export const deviceListResponseSchema = z.object({ devices: z.array(deviceSummarySchema) });
export const revokeResponseSchema = z.object({ device: deviceSummarySchema });

export const sectionScoreSchema = z.object({
  score: z.nullable(z.number()),
  answered: z.number(),
  total: z.number(),
  lowCoverage: z.boolean(),
});
export const planItemSchema = z.object({
  skillId: z.string(),
  headingId: z.string(),
  priority: z.number(),
  band: z.enum(['high', 'medium', 'low', 'none']),
});

/** One received assessment with the scores the server computed from its answers. */
export const assessmentSummarySchema = z.object({
  id: z.string(),
  revision: z.number(),
  /** When the server received the revision it holds. */
  receivedAt: z.string(),
  firstReceivedAt: z.string(),
  device: z.object({ id: z.string(), name: z.string() }),
  person: z.object({ id: z.string(), name: z.string() }),
  residentRef: z.nullable(z.string()),
  date: z.string(),
  venue: z.enum(VENUES),
  set: z.enum(ASSESSMENT_SETS),
  sections: z.object({
    basics: sectionScoreSchema,
    blockers: sectionScoreSchema,
    skill: sectionScoreSchema,
    interest: sectionScoreSchema,
  }),
  plan: z.array(planItemSchema),
});
export const assessmentListResponseSchema = z.object({
  assessments: z.array(assessmentSummarySchema),
});

export const healthResponseSchema = z.object({ status: z.literal('ok') });

/** GET /api/residents/:ref/assessments: one resident's received assessments, earliest first. */
export const residentHistoryResponseSchema = z.object({
  assessments: z.array(assessmentSchema),
});

/** What an organisation sets for itself; devices keep a copy for offline use. */
export const organisationSettingsSchema = z.strictObject({
  /** Figures about fewer people than this are suppressed. */
  minGroup: z.number().check(z.int(), z.minimum(2), z.maximum(100)),
  /** Outcome kinds it records beside the built-in ones. */
  outcomeTypes: z.array(outcomeTypeSchema).check(
    z.maxLength(50),
    z.refine((l) => new Set(l.map((t) => t.id)).size === l.length, 'an id is used twice'),
  ),
  /** Its own places to get help; null for the national suggestions. */
  directory: z.nullable(directorySchema),
  /**
   * How the health, disability or language blocker is asked: after a separate explicit consent,
   * or as an optional question with "prefer not to say". The mode used is kept on each assessment.
   */
  healthQuestion: z.enum(HEALTH_QUESTION_MODES),
  /** Days identifiable data is kept after a resident's last contact, then removed by the server. */
  retentionDays: z.number().check(z.int(), z.minimum(30), z.maximum(3650)),
  /**
   * Minutes a shared device may stay unused before it locks and asks for the worker's PIN. The
   * server always sends it; a body without it leaves it as it was (DEFAULT_LOCK_MINUTES at first).
   */
  lockMinutes: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(60))),
});
export const DEFAULT_LOCK_MINUTES = 5;

/** GET /api/programmes: the programmes the organisation's assessments are tagged with. */
export const programmeSummarySchema = z.object({
  /** Empty string: assessments with no programme. */
  programme: z.string(),
  assessments: z.number(),
  residents: z.number(),
  venueNames: z.array(z.string()),
  firstDate: z.string(),
  lastDate: z.string(),
});
export const programmeListResponseSchema = z.object({
  programmes: z.array(programmeSummarySchema),
});

/** GET /api/cohort?programme=&venueName=&from=&to=: what the dashboard computes its figures from. */
export const cohortQuerySchema = z.strictObject({
  programme: z.optional(z.string().check(z.maxLength(80))),
  venueName: z.optional(tagSchema),
  from: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  to: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
});
export const cohortRecordSchema = z.object({
  id: z.string(),
  residentRef: z.nullable(z.string()),
  date: z.string(),
  /**
   * Compact (domain compact-answers.ts), bank version 1: per facet one character per item in bank
   * order, '0'-'4' a score, s/p/d/n skipped, prefer not to say, don't know, not applicable, and
   * '.' not asked; decodeAnswers gives the answers back. A cohort can hold 10,000 assessments,
   * often fetched over slow links: with the ids implied by position the response is a quarter of
   * the bytes, and one pattern per facet checks it far faster than checking every answer.
   */
  answers: compactAnswersSchema(bankV1),
  outcomes: z.array(z.object({ type: z.string(), date: z.string() })),
});
export const cohortResponseSchema = z.object({
  minGroup: z.number(),
  records: z.array(cohortRecordSchema),
});

/** GET /api/outcomes.csv?period=: counts per programme, period and kind. */
export const outcomeExportQuerySchema = z.strictObject({
  period: z.optional(z.enum(PERIODS)),
  programme: z.optional(z.string().check(z.maxLength(80))),
});

/** Baselines the organisation holds besides the illustrative ones shipped with the app. */
export const baselineListResponseSchema = z.object({ baselines: z.array(baselineSchema) });
/** POST /api/baselines: a file's text, JSON or CSV (layout in the README); all or nothing. */
export const baselineImportRequestSchema = z.strictObject({
  format: z.enum(['json', 'csv']),
  content: z.string().check(z.minLength(1), z.maxLength(512 * 1024)),
});
/** POST /api/baselines/from-programme: the programme's first visits as a local-cohort baseline. */
export const cohortBaselineRequestSchema = z.strictObject({
  programme: z.string().check(z.maxLength(80)),
  name: z.strictObject({ en: tagSchema, cy: tagSchema }),
});

/**
 * What the audit log records. `enrolment` is a device signing in with a code (POST /api/enrol);
 * `sign-in` is a worker signing in on an enrolled device (POST /api/sign-in), `sign-in-failed` a
 * refused attempt, `sign-out` a device or session revoking its own token;
 * `export` is a CSV or a subject access export; a `cross-organisation-refusal` is a request naming
 * another organisation's device, resident or baseline, answered as if it did not exist.
 */
export const AUDIT_ACTIONS = [
  'enrolment',
  'enrolment-code-created',
  'device-revoked',
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'export',
  'erasure',
  'retention-run',
  'cross-organisation-refusal',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One audit entry; detail holds ids and counts, never an answer or a resident's details. */
export const auditEntrySchema = z.object({
  /** Increasing with each entry: the cursor for `before`. */
  id: z.string(),
  at: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  /** The device and person that acted; null for the server's own jobs and first start. */
  device: z.nullable(z.object({ id: z.string(), name: z.string() })),
  person: z.nullable(personSchema),
  detail: z.record(z.string(), z.unknown()),
});
/** GET /api/audit?limit=&before=: newest first; `next` is the `before` of the next page. */
export const auditQuerySchema = z.strictObject({
  limit: z.optional(
    z.string().check(
      z.regex(/^\d{1,3}$/),
      z.refine((v) => Number(v) >= 1 && Number(v) <= 200, 'from 1 to 200'),
    ),
  ),
  before: z.optional(z.string().check(z.regex(/^\d{1,15}$/))),
});
export const auditListResponseSchema = z.object({
  entries: z.array(auditEntrySchema),
  next: z.nullable(z.string()),
});

const storedScoresSchema = z.object({
  sections: assessmentSummarySchema.shape.sections,
  plan: z.array(planItemSchema),
});
/** GET /api/residents/:ref/export: everything the server holds about one resident reference. */
export const residentExportSchema = z.object({
  residentRef: z.string(),
  organisation: organisationSchema,
  exportedAt: z.string(),
  /** The revision held of each assessment, earliest first, with who sent it and its scores. */
  assessments: z.array(
    z.object({
      assessment: assessmentSchema,
      receivedAt: z.string(),
      firstReceivedAt: z.string(),
      device: z.object({ id: z.string(), name: z.string() }),
      person: z.object({ id: z.string(), name: z.string() }),
      scores: storedScoresSchema,
    }),
  ),
  /** Earlier revisions the server keeps, replaced by those above. */
  history: z.array(
    z.object({
      assessment: assessmentSchema,
      receivedAt: z.string(),
      replacedAt: z.string(),
      scores: storedScoresSchema,
    }),
  ),
});
/** DELETE /api/residents/:ref: what was erased. */
export const residentErasureResponseSchema = z.object({
  residentRef: z.string(),
  assessments: z.number(),
  revisions: z.number(),
});

export type ResidentHistoryResponse = z.infer<typeof residentHistoryResponseSchema>;
export type OrganisationSettings = z.infer<typeof organisationSettingsSchema>;
export type ProgrammeSummary = z.infer<typeof programmeSummarySchema>;
export type ProgrammeListResponse = z.infer<typeof programmeListResponseSchema>;
export type CohortQuery = z.infer<typeof cohortQuerySchema>;
export type CohortRecord = z.infer<typeof cohortRecordSchema>;
export type CohortResponse = z.infer<typeof cohortResponseSchema>;
export type BaselineListResponse = z.infer<typeof baselineListResponseSchema>;
export type BaselineImportRequest = z.infer<typeof baselineImportRequestSchema>;
export type CohortBaselineRequest = z.infer<typeof cohortBaselineRequestSchema>;

export type Organisation = z.infer<typeof organisationSchema>;
export type Person = z.infer<typeof personSchema>;
export type MeResponse = z.infer<typeof meResponseSchema>;
export type EnrolmentCodeRequest = z.infer<typeof enrolmentCodeRequestSchema>;
export type EnrolmentCodeResponse = z.infer<typeof enrolmentCodeResponseSchema>;
export type DeviceSummary = z.infer<typeof deviceSummarySchema>;
export type DeviceListResponse = z.infer<typeof deviceListResponseSchema>;
export type RevokeResponse = z.infer<typeof revokeResponseSchema>;
export type AssessmentSummary = z.infer<typeof assessmentSummarySchema>;
export type AssessmentListResponse = z.infer<typeof assessmentListResponseSchema>;
export type HealthResponse = z.infer<typeof healthResponseSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditQuery = z.infer<typeof auditQuerySchema>;
export type AuditListResponse = z.infer<typeof auditListResponseSchema>;
export type ResidentExport = z.infer<typeof residentExportSchema>;
export type ResidentErasureResponse = z.infer<typeof residentErasureResponseSchema>;
