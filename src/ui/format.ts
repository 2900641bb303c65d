/** Locale-aware formatting of dates for the screens. */
import { LANGUAGE_TAG, type UiLocale } from './i18n/i18n.ts';

/** "21 November 2026" from "2026-11-21", without a time-zone shift. */
export function formatIsoDate(iso: string, locale: UiLocale): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat(LANGUAGE_TAG[locale], {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(Date.UTC(y, m - 1, d));
}

/** Today's date on the device, as YYYY-MM-DD in local time. */
export function localIsoDate(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "21 Nov 2026, 10:42" in the device's time zone, from an ISO timestamp or epoch ms. */
export function formatDateTime(value: string | number, locale: UiLocale): string {
  return new Intl.DateTimeFormat(LANGUAGE_TAG[locale], {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(value));
}
