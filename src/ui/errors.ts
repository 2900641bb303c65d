/**
 * What went wrong, in the language shown. The server words its own refusals in the language the
 * app asked for; what the app itself found (no connection, an answer it cannot read, a problem
 * with storage on the device) comes from the catalogue by its code, never as English text.
 */
import { StoreError } from '../storage/assessment-store.ts';
import { ApiError } from '../sync/client.ts';
import type { Translate } from './i18n/i18n.ts';

/** A failure as the outbox keeps it: a code and the message that came with it. */
export interface KeptFailure {
  readonly code: string;
  readonly message: string;
}

export function failureText(t: Translate, failure: unknown): string {
  if (failure instanceof StoreError) return t(`error.store.${failure.code}`);
  if (failure instanceof ApiError || isKept(failure)) {
    if (failure.code === 'network') return t('error.network');
    if (failure.code === 'bad_response') return t('error.badResponse');
    return failure.message;
  }
  return t('error.unexpected');
}

function isKept(value: unknown): value is KeptFailure {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as KeptFailure).code === 'string' &&
    typeof (value as KeptFailure).message === 'string'
  );
}
