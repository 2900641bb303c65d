// Organisations and the people in them. A person is created when someone is given an enrolment
// code for them (or by the first start), never on their own.
import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/protocol.ts';
import type { Organisation, Person } from '../../shared/council-api.ts';
import type { Executor } from '../db/database.ts';
import { organisations, people } from '../db/schema.ts';

export async function createOrganisation(
  ex: Executor,
  name: string,
  now: Date,
): Promise<Organisation> {
  const organisation = { id: randomUUID(), name };
  await ex.insert(organisations).values({ ...organisation, createdAt: now });
  return organisation;
}

export async function createPerson(
  ex: Executor,
  input: { organisationId: string; name: string; role: Role },
  now: Date,
): Promise<Person> {
  const person = { id: randomUUID(), name: input.name, role: input.role };
  await ex
    .insert(people)
    .values({ ...person, organisationId: input.organisationId, createdAt: now });
  return person;
}
