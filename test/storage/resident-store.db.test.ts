import { describe, expect, it } from 'vitest';
import { postcodeDistrict, type Resident } from '../../src/domain/index.ts';
import { clearDeviceData } from '../../src/storage/db.ts';
import { ResidentStore } from '../../src/storage/resident-store.ts';
import { freshStore } from '../support/store.ts';

const resident = (patch: Partial<Resident> = {}): Resident => ({
  ref: 'LIB-0042',
  ageBand: '65-74',
  postcodeDistrict: 'CF10',
  language: 'cy',
  createdAt: 1,
  updatedAt: 1,
  ...patch,
});

describe('residents on the device', () => {
  it('keeps the minimum by reference, and refuses what is not minimal', async () => {
    const { db } = freshStore();
    const residents = new ResidentStore(db);
    await residents.save(resident());
    expect(await residents.get('LIB-0042')).toEqual(resident());
    await expect(
      residents.save({ ...resident(), postcodeDistrict: 'CF10 3AT' } as Resident),
    ).rejects.toThrow();
    await expect(
      residents.save({ ...resident(), dateOfBirth: '1950-01-01' } as unknown as Resident),
    ).rejects.toThrow();
    expect(await residents.get('LIB-0042')).toEqual(resident());
  });

  it('keeps a name and contact only with consent, apart, and forgets them when consent goes', async () => {
    const { db } = freshStore();
    const residents = new ResidentStore(db);
    await residents.save(resident());
    await residents.setContact('LIB-0042', {
      name: 'Megan',
      contact: '07700 900123',
      consentAt: 5,
    });
    expect(await residents.contact('LIB-0042')).toEqual({
      ref: 'LIB-0042',
      name: 'Megan',
      contact: '07700 900123',
      consentAt: 5,
    });
    // Nothing of it is in the resident record.
    expect(JSON.stringify(await db.residents.get('LIB-0042'))).not.toContain('Megan');
    await residents.setContact('LIB-0042', null);
    expect(await residents.contact('LIB-0042')).toBeUndefined();
  });

  it('leaves nothing behind when the device is cleared', async () => {
    const { db } = freshStore();
    const residents = new ResidentStore(db);
    await residents.save(resident());
    await residents.setContact('LIB-0042', { name: 'Megan', contact: 'x', consentAt: 5 });
    await clearDeviceData(db);
    expect(await db.residents.count()).toBe(0);
    expect(await db.contacts.count()).toBe(0);
  });

  it('reads a postcode district as people type it', () => {
    expect(postcodeDistrict(' cf10 ')).toBe('CF10');
    expect(postcodeDistrict('SW1A')).toBe('SW1A');
    expect(postcodeDistrict('CF10 3AT')).toBeNull();
  });
});
