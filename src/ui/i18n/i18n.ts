/**
 * The interface language: English or Welsh. Messages come from one catalogue per language, each
 * loaded only when that language is shown; placeholders are filled here and plurals chosen by
 * Intl.PluralRules, so that Welsh has all of its own forms.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale } from '../../domain/index.ts';
import type { Catalogue, Message, MessageKey } from './en.ts';

export type UiLocale = Locale;
export const UI_LOCALES: readonly UiLocale[] = ['en', 'cy'];
export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** For `lang` attributes and Intl: British English, Welsh. */
export const LANGUAGE_TAG: Readonly<Record<UiLocale, string>> = { en: 'en-GB', cy: 'cy' };

const sources: Readonly<Record<UiLocale, () => Promise<Catalogue>>> = {
  en: () => import('./en.ts').then((m) => m.en),
  cy: () => import('./cy.ts').then((m) => m.cy),
};

export function loadTranslator(locale: UiLocale): Promise<Translate> {
  return sources[locale]().then((catalogue) => translator(locale, catalogue));
}

function select(message: Message, locale: UiLocale, params: Params | undefined): string {
  if (typeof message === 'string') return message;
  const count = Number(params?.['count'] ?? 0);
  const form = new Intl.PluralRules(locale).select(count);
  return message[form] ?? message.other;
}

/** One message in one language, its plural form chosen and its placeholders filled. */
export function format(locale: UiLocale, message: Message, params?: Params): string {
  return select(message, locale, params).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params?.[name];
    return value === undefined ? whole : String(value);
  });
}

export function translator(locale: UiLocale, catalogue: Catalogue): Translate {
  return (key, params) => format(locale, catalogue[key], params);
}

/**
 * A screen's own messages (a catalogue per language that loads with the screen), in the
 * language shown.
 */
export function useScreenMessages<K extends string>(
  catalogues: Readonly<Record<UiLocale, Readonly<Record<K, Message>>>>,
): (key: K, params?: Params) => string {
  const { locale } = useI18n();
  return (key, params) => format(locale, catalogues[locale][key], params);
}

/**
 * The language to start in: the one the person chose on this device before, else the device's
 * own language when it is Welsh (or English), else English.
 */
export function initialLocale(chosen: string | null, deviceLanguages: readonly string[]): UiLocale {
  if (chosen === 'en' || chosen === 'cy') return chosen;
  for (const tag of deviceLanguages) {
    const language = tag.toLowerCase().split('-')[0];
    if (language === 'cy' || language === 'en') return language;
  }
  return 'en';
}

export interface I18n {
  readonly locale: UiLocale;
  readonly t: Translate;
  /** Switch the whole interface, in place: nothing else on the screen changes. */
  readonly setLocale: (locale: UiLocale) => Promise<void>;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n needs an I18nContext provider');
  return i18n;
}
