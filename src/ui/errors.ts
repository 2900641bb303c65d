/**
 * What went wrong, in the language shown. The server words its own refusals in the language the
 * app asked for, and the app keeps that language with each one; a refusal worded in the other
 * language (given before a switch) is told by its reason code instead. What the app itself found
 * (no connection, an answer it cannot read, a problem with storage on the device) comes from the
 * catalogue by its code, never as English text.
 */
import { StoreError, asStoreError } from '../storage/store-error.ts';
import { REASON_CODES, type ReasonCode } from '../shared/protocol.ts';
import { ApiError } from '../sync/client.ts';
import type { Translate, UiLocale } from './i18n/i18n.ts';

/** A failure as the outbox keeps it: a code, the message that came with it and its language. */
export interface KeptFailure {
  readonly code: string;
  readonly message: string;
  readonly language?: string | undefined;
}

export function failureText(t: Translate, locale: UiLocale, raw: unknown): string {
  // A full disk reported by any store, not only the assessments', is worded the same way.
  const failure = asStoreError(raw);
  if (failure instanceof StoreError) return t(`error.store.${failure.code}`);
  if (!(failure instanceof ApiError) && !isKept(failure)) return t('error.unexpected');
  const { code, message } = failure;
  if (code === 'network') return t('error.network');
  if (code === 'bad_response') return t('error.badResponse');
  if (code === 'unreadable') return t('error.unreadable');
  if ((failure.language ?? 'en') === locale) return message;
  return isReason(code) ? t(`reason.${code}`) : t('error.unexpected');
}

const isReason = (code: string): code is ReasonCode =>
  (REASON_CODES as readonly string[]).includes(code);

function isKept(value: unknown): value is KeptFailure {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as KeptFailure).code === 'string' &&
    typeof (value as KeptFailure).message === 'string'
  );
}
