/**
 * Residents on this device, by their pseudonymous reference. Contact details, when the resident
 * consented to follow-up, are in their own table: removing consent removes them, and nothing
 * that is sent or counted reads that table. Rows are parsed when read.
 */
import {
  residentContactSchema,
  residentSchema,
  type Resident,
  type ResidentContact,
} from '../domain/index.ts';
import type { DoorstepDb } from './db.ts';

export class ResidentStore {
  constructor(private readonly db: DoorstepDb) {}

  /** Creates or updates the resident with this reference. */
  async save(resident: Resident): Promise<void> {
    await this.db.residents.put(residentSchema.parse(resident));
  }

  async get(ref: string): Promise<Resident | undefined> {
    const parsed = residentSchema.safeParse(await this.db.residents.get(ref));
    return parsed.success ? parsed.data : undefined;
  }

  /** Records consent with the details, or, given null, removes both. */
  async setContact(ref: string, contact: Omit<ResidentContact, 'ref'> | null): Promise<void> {
    if (contact === null) await this.db.contacts.delete(ref);
    else await this.db.contacts.put(residentContactSchema.parse({ ref, ...contact }));
  }

  async contact(ref: string): Promise<ResidentContact | undefined> {
    const parsed = residentContactSchema.safeParse(await this.db.contacts.get(ref));
    return parsed.success ? parsed.data : undefined;
  }
}
