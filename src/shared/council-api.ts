/**
 * The server's API beyond sync: accounts and devices, the council's view of what it received,
 * residents over time, programmes and the organisation's own settings. Used by screens opened
 * online and by the server; apart from protocol.ts (sync) so the start screen does not download it.
 */
import * as z from 'zod/mini';
import {
  ASSESSMENT_SETS,
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

/** A device as coordinators see it. Times are ISO 8601; null means "never". */
export const deviceSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  person: personSchema,
  createdAt: z.string(),
  lastSeenAt: z.nullable(z.string()),
  revokedAt: z.nullable(z.string()),
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
});

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
