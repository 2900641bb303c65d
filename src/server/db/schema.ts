// The council's database, one schema for the embedded PGlite and for PostgreSQL. A change here
// needs a migration: `npm run db:generate` (drizzle-kit), never a hand-edited SQL file.
//
// Every table carries organisation_id, and every reference between tables includes it (composite
// foreign keys), so the database itself refuses a device of one council pointing at a person of
// another. Times are timestamptz read as Date, counters bigint read as number: PGlite and pg
// return the same types.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  HEALTH_QUESTION_MODES,
  type Assessment,
  type AssessmentScores,
  type Baseline,
  type Directory,
  type HealthQuestionMode,
  type OutcomeType,
} from '../../domain/index.ts';
import { AUDIT_ACTIONS, type AuditAction } from '../../shared/council-api.ts';
import { ROLES, type Role } from '../../shared/protocol.ts';

/**
 * The scores kept beside each assessment: what the list and the CSV read. The rest (headings,
 * flags, every priority) is recomputed from the answers when needed, so it is not stored.
 */
export type StoredScores = Pick<AssessmentScores, 'sections' | 'plan'>;

/** A constant as an SQL literal, for DDL (a check constraint cannot take parameters). */
const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;
const time = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    createdAt: time('created_at').notNull(),
    /** Figures about fewer people than this are suppressed. */
    minGroup: integer('min_group').notNull().default(5),
    /** Outcome kinds the organisation adds to the built-in ones. */
    outcomeTypes: jsonb('outcome_types').$type<OutcomeType[]>().notNull().default([]),
    /** Its own services directory; null for the national suggestions. */
    directory: jsonb('directory').$type<Directory>(),
    /** How the health, disability or language blocker is asked. */
    healthQuestion: text('health_question')
      .$type<HealthQuestionMode>()
      .notNull()
      .default('optional'),
    /** Days identifiable data is kept after a resident's last contact (services/retention.ts). */
    retentionDays: integer('retention_days').notNull().default(730),
    /** Minutes a shared device may stay unused before it locks (the app enforces it). */
    lockMinutes: integer('lock_minutes').notNull().default(5),
  },
  (t) => [
    check('organisations_min_group_check', sql`${t.minGroup} between 2 and 100`),
    check(
      'organisations_health_question_check',
      sql`${t.healthQuestion} in (${sql.raw(HEALTH_QUESTION_MODES.map(quote).join(', '))})`,
    ),
    check('organisations_retention_days_check', sql`${t.retentionDays} between 30 and 3650`),
    check('organisations_lock_minutes_check', sql`${t.lockMinutes} between 1 and 60`),
  ],
);

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    role: text('role').$type<Role>().notNull(),
    createdAt: time('created_at').notNull(),
    /** To sign in on shared devices: set with an enrolment code, normalised (lower case). */
    username: text('username'),
    /** scrypt, self-describing (services/passphrases.ts); set together with the username. */
    passphraseHash: text('passphrase_hash'),
    /** Wrong passphrases since the last sign-in or lock-out. */
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    signInLockedUntil: time('sign_in_locked_until'),
  },
  (t) => [
    unique('people_organisation_id_id_key').on(t.organisationId, t.id),
    unique('people_organisation_id_username_key').on(t.organisationId, t.username),
    check('people_role_check', sql`${t.role} in (${sql.raw(ROLES.map(quote).join(', '))})`),
  ],
);

export const devices = pgTable(
  'devices',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id').notNull(),
    personId: uuid('person_id').notNull(),
    name: text('name').notNull(),
    /** SHA-256 of the bearer token, hex: the token itself is never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: time('created_at').notNull(),
    revokedAt: time('revoked_at'),
    lastSeenAt: time('last_seen_at'),
    /**
     * For a worker's session (POST /api/sign-in): the row of the physical device it was signed in
     * on, enrolled with a code. Null for that row itself.
     */
    enrolledVia: uuid('enrolled_via'),
    /**
     * A physical device set up with a worker's account: its own token only lets workers sign in
     * on it (and sign it out). It is kept in the clear on the device, so it must open nothing.
     */
    signInOnly: boolean('sign_in_only').notNull().default(false),
  },
  (t) => [
    unique('devices_organisation_id_id_key').on(t.organisationId, t.id),
    foreignKey({
      name: 'devices_person_fk',
      columns: [t.organisationId, t.personId],
      foreignColumns: [people.organisationId, people.id],
    }),
    foreignKey({
      name: 'devices_enrolled_via_fk',
      columns: [t.organisationId, t.enrolledVia],
      foreignColumns: [t.organisationId, t.id],
    }),
  ],
);

/**
 * One secret per physical device and person, made at their first sign-in there and given back at
 * every later one: it unlocks the worker's encrypted data on that device when their PIN cannot.
 */
export const vaultSecrets = pgTable(
  'vault_secrets',
  {
    organisationId: uuid('organisation_id').notNull(),
    /** The physical device's own row (enrolled_via null). */
    deviceId: uuid('device_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** 32 random bytes, base64url. */
    secret: text('secret').notNull(),
    createdAt: time('created_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'vault_secrets_pkey', columns: [t.deviceId, t.personId] }),
    foreignKey({
      name: 'vault_secrets_device_fk',
      columns: [t.organisationId, t.deviceId],
      foreignColumns: [devices.organisationId, devices.id],
    }),
    foreignKey({
      name: 'vault_secrets_person_fk',
      columns: [t.organisationId, t.personId],
      foreignColumns: [people.organisationId, people.id],
    }),
  ],
);

export const enrolmentCodes = pgTable(
  'enrolment_codes',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id').notNull(),
    /** The person a device enrolled with this code will act for. */
    personId: uuid('person_id').notNull(),
    /** SHA-256 of the normalised code, hex. */
    codeHash: text('code_hash').notNull().unique(),
    /** Null for the administrator code printed at first start. */
    createdByDeviceId: uuid('created_by_device_id'),
    createdAt: time('created_at').notNull(),
    expiresAt: time('expires_at').notNull(),
    usedAt: time('used_at'),
    /** The device the code enrolled, once used. */
    deviceId: uuid('device_id'),
  },
  (t) => [
    foreignKey({
      name: 'enrolment_codes_person_fk',
      columns: [t.organisationId, t.personId],
      foreignColumns: [people.organisationId, people.id],
    }),
    foreignKey({
      name: 'enrolment_codes_created_by_fk',
      columns: [t.organisationId, t.createdByDeviceId],
      foreignColumns: [devices.organisationId, devices.id],
    }),
    foreignKey({
      name: 'enrolment_codes_device_fk',
      columns: [t.organisationId, t.deviceId],
      foreignColumns: [devices.organisationId, devices.id],
    }),
  ],
);

/** The revision of each assessment the server holds; older revisions are in the history. */
export const assessments = pgTable(
  'assessments',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The id the device gave it: unique within one organisation only. */
    id: text('id').notNull(),
    revision: bigint('revision', { mode: 'number' }).notNull(),
    payload: jsonb('payload').$type<Assessment>().notNull(),
    /** Computed here from payload.answers, never taken from the device. */
    scores: jsonb('scores').$type<StoredScores>().notNull(),
    deviceId: uuid('device_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** When the revision held now was received. */
    receivedAt: time('received_at').notNull(),
    firstReceivedAt: time('first_received_at').notNull(),
    /** Read from the payload by the database, for looking up a resident's visits. */
    residentRef: text('resident_ref').generatedAlwaysAs(sql`payload->>'residentRef'`),
    /** Read from the payload by the database: '' for none, so it groups like any programme. */
    programme: text('programme')
      .notNull()
      .generatedAlwaysAs(sql`coalesce(payload->>'programme', '')`),
  },
  (t) => [
    primaryKey({ name: 'assessments_pkey', columns: [t.organisationId, t.id] }),
    index('assessments_resident_ref_idx').on(t.organisationId, t.residentRef),
    index('assessments_programme_idx').on(t.organisationId, t.programme),
    foreignKey({
      name: 'assessments_device_fk',
      columns: [t.organisationId, t.deviceId],
      foreignColumns: [devices.organisationId, devices.id],
    }),
    foreignKey({
      name: 'assessments_person_fk',
      columns: [t.organisationId, t.personId],
      foreignColumns: [people.organisationId, people.id],
    }),
    index('assessments_received_at_idx').on(t.organisationId, t.receivedAt),
  ],
);

/** Every revision that was replaced by a newer one: nothing received is ever destroyed. */
export const assessmentHistory = pgTable(
  'assessment_history',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: text('id').notNull(),
    revision: bigint('revision', { mode: 'number' }).notNull(),
    payload: jsonb('payload').$type<Assessment>().notNull(),
    scores: jsonb('scores').$type<StoredScores>().notNull(),
    deviceId: uuid('device_id').notNull(),
    personId: uuid('person_id').notNull(),
    receivedAt: time('received_at').notNull(),
    replacedAt: time('replaced_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'assessment_history_pkey', columns: [t.organisationId, t.id, t.revision] }),
    foreignKey({
      name: 'assessment_history_assessment_fk',
      columns: [t.organisationId, t.id],
      foreignColumns: [assessments.organisationId, assessments.id],
    }),
  ],
);

/** Baselines an organisation imported or made from a programme; illustrative ones ship in the app. */
export const baselines = pgTable(
  'baselines',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    id: text('id').notNull(),
    payload: jsonb('payload').$type<Baseline>().notNull(),
    createdAt: time('created_at').notNull(),
  },
  (t) => [primaryKey({ name: 'baselines_pkey', columns: [t.organisationId, t.id] })],
);

/**
 * Who did what that touches privacy, per organisation: enrolments, codes, revocations, exports,
 * erasures, retention runs and refusals across organisations. Append-only: the code only ever
 * inserts (services/audit.ts). Detail holds ids and counts, never answers.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    /** Increasing: orders the log and pages it (a clock can repeat or step back). */
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    at: time('at').notNull(),
    /** Null for the server's own jobs (retention) and the first start. */
    deviceId: uuid('device_id'),
    personId: uuid('person_id'),
    action: text('action').$type<AuditAction>().notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_log_organisation_id_idx').on(t.organisationId, t.id),
    check(
      'audit_log_action_check',
      sql`${t.action} in (${sql.raw(AUDIT_ACTIONS.map(quote).join(', '))})`,
    ),
    foreignKey({
      name: 'audit_log_device_fk',
      columns: [t.organisationId, t.deviceId],
      foreignColumns: [devices.organisationId, devices.id],
    }),
    foreignKey({
      name: 'audit_log_person_fk',
      columns: [t.organisationId, t.personId],
      foreignColumns: [people.organisationId, people.id],
    }),
  ],
);
