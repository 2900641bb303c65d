// Device tokens and enrolment codes. Only their SHA-256 is stored, so a copy of the database
// cannot be used to sign in. A plain hash (no salt, no slow KDF) is enough because both are
// random with at least 60 bits, not chosen by people.
import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: sent as `Authorization: Bearer <token>`. */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

// Crockford's base32 leaves out I, L, O and U, so a code read aloud or copied from a screen is
// not misread; 12 characters carry 60 bits.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 12;

export interface EnrolmentCode {
  /** Shown once, grouped for reading: XXXX-XXXX-XXXX. */
  readonly display: string;
  /** What is stored. */
  readonly hash: string;
}

export function newEnrolmentCode(): EnrolmentCode {
  // 256 is a multiple of 32, so the low five bits of a random byte are uniform.
  const chars = [...randomBytes(CODE_LENGTH)].map((byte) => CROCKFORD.charAt(byte & 31)).join('');
  return { display: chars.match(/.{4}/g)?.join('-') ?? chars, hash: hashSecret(chars) };
}

/** The hash of a code as someone typed it, or null when what they typed cannot be a code. */
export function hashEnrolmentCode(typed: string): string | null {
  const canonical = normaliseEnrolmentCode(typed);
  return canonical === null ? null : hashSecret(canonical);
}

/**
 * The code as typed to its canonical form, or null when it cannot be a code: case and hyphens or
 * spaces do not matter, and O, I and L are read as 0, 1 and 1 as Crockford's base32 says.
 */
export function normaliseEnrolmentCode(typed: string): string | null {
  const text = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return text.length === CODE_LENGTH && [...text].every((c) => CROCKFORD.includes(c)) ? text : null;
}
