// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/shared/protocol.ts';
import { canManage, isCoordinator } from '../../src/server/services/roles.ts';
import {
  hashEnrolmentCode,
  newDeviceToken,
  newEnrolmentCode,
  normaliseEnrolmentCode,
} from '../../src/server/services/secrets.ts';

describe('device tokens', () => {
  it('are 32 random bytes in base64url', () => {
    const token = newDeviceToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newDeviceToken()).not.toBe(token);
  });
});

describe('enrolment codes', () => {
  it('are 12 characters of Crockford base32 in groups of four', () => {
    const codes = Array.from({ length: 200 }, () => newEnrolmentCode().display);
    for (const code of codes)
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('are stored as the hash of the code however it is typed', () => {
    const code = newEnrolmentCode();
    const typed = [
      code.display,
      code.display.toLowerCase(),
      code.display.replaceAll('-', ''),
      ` ${code.display.replaceAll('-', ' ')} `,
    ];
    for (const text of typed) expect(hashEnrolmentCode(text)).toBe(code.hash);
  });

  it('read O, I and L as the digits they look like', () => {
    expect(normaliseEnrolmentCode('oooo-iiii-llll')).toBe('000011111111');
  });

  it.each(['', 'ABCD-EFGH', 'ABCD-EFGH-JKMNP', 'UUUU-UUUU-UUUU', 'ABCD-EFGH-JK!M'])(
    'cannot be %j',
    (typed) => {
      expect(hashEnrolmentCode(typed)).toBeNull();
    },
  );
});

describe('roles', () => {
  const table: Record<Role, Role[]> = {
    'outreach-worker': [],
    coordinator: ['outreach-worker', 'coordinator'],
    administrator: ['outreach-worker', 'coordinator', 'administrator'],
  };

  it.each(ROLES)('%s manages exactly the roles below or beside it', (actor) => {
    expect(ROLES.filter((target) => canManage(actor, target))).toEqual(table[actor]);
  });

  it('lets coordinators and administrators see the organisation', () => {
    expect(ROLES.filter(isCoordinator)).toEqual(['coordinator', 'administrator']);
  });
});
