/** Looks messages up in a catalogue and fills their placeholders. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { en, type Catalogue, type Message, type MessageKey } from './en.ts';

export type UiLocale = 'en';
export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;

const catalogues: Readonly<Record<UiLocale, Catalogue>> = { en };

function select(message: Message, locale: UiLocale, params: Params | undefined): string {
  if (typeof message === 'string') return message;
  const count = Number(params?.['count'] ?? 0);
  const form = new Intl.PluralRules(locale).select(count);
  return message[form] ?? message.other;
}

export function translator(locale: UiLocale): Translate {
  const catalogue = catalogues[locale];
  return (key, params) =>
    select(catalogue[key], locale, params).replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params?.[name];
      return value === undefined ? whole : String(value);
    });
}

export const I18nContext = createContext<{ locale: UiLocale; t: Translate }>({
  locale: 'en',
  t: translator('en'),
});

export function useI18n() {
  return useContext(I18nContext);
}
