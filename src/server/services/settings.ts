// What an organisation sets for itself: its suppression threshold, its own outcome kinds, its
// services directory, how the health question is asked, how long identifiable data is kept and
// how soon an unused shared device locks. Devices read them (and keep a copy offline);
// coordinators change them.
import { eq } from 'drizzle-orm';
import { describeIssues } from '../../domain/index.ts';
import { organisationSettingsSchema, type OrganisationSettings } from '../../shared/council-api.ts';
import type { Executor } from '../db/database.ts';
import { organisations } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { message } from '../messages.ts';

const columns = {
  minGroup: organisations.minGroup,
  outcomeTypes: organisations.outcomeTypes,
  directory: organisations.directory,
  healthQuestion: organisations.healthQuestion,
  retentionDays: organisations.retentionDays,
  lockMinutes: organisations.lockMinutes,
};

export async function readSettings(
  ex: Executor,
  organisationId: string,
): Promise<OrganisationSettings> {
  const [row] = await ex
    .select(columns)
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  // The token's organisation always exists: the foreign keys see to it.
  if (!row) throw new Error(`The organisation ${organisationId} is missing.`);
  return row;
}

/**
 * Replaces every setting at once (lockMinutes only when given: clients older than it send none);
 * a body with any problem changes nothing.
 */
export async function writeSettings(
  ex: Executor,
  organisationId: string,
  body: unknown,
): Promise<OrganisationSettings> {
  if (body === undefined) throw new ApiError('invalid_request', message('request.noBody'));
  const parsed = organisationSettingsSchema.safeParse(body, { reportInput: true });
  if (!parsed.success) {
    throw new ApiError(
      'invalid_request',
      message('settings.invalid'),
      describeIssues(parsed.error.issues),
    );
  }
  const [row] = await ex
    .update(organisations)
    .set(parsed.data)
    .where(eq(organisations.id, organisationId))
    .returning(columns);
  if (!row) throw new Error(`The organisation ${organisationId} is missing.`);
  return row;
}
