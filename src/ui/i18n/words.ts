/**
 * The question bank's wording in the language shown. Only the screens that ask or report
 * questions need it, so it is loaded after the start screen (main.tsx asks for it) or on first
 * use, one language at a time, and checked against the bank when it arrives.
 */
import {
  bankV1,
  loadBankText,
  scaleV1,
  type BankText,
  type Facet,
  type Missing,
  type Score,
} from '../../domain/index.ts';
import { useEffect, useState } from 'preact/hooks';
import { useI18n, type UiLocale } from './i18n.ts';

const sources: Readonly<Record<UiLocale, () => Promise<{ default: unknown }>>> = {
  en: () => import('../../domain/bank/text-v1.en.json'),
  cy: () => import('../../domain/bank/text-v1.cy.json'),
};

export interface Words {
  readonly locale: UiLocale;
  /** A Basics or Blockers statement. */
  item(itemId: string): string;
  heading(headingId: string): string;
  skill(skillId: string): { readonly label: string; readonly example: string };
  option(facet: Facet, score: Score): string;
  missing(id: Exclude<Missing, 'skipped'>): string;
}

const loaded = new Map<UiLocale, Words>();
const loading = new Map<UiLocale, Promise<Words>>();

export function loadWords(locale: UiLocale): Promise<Words> {
  let promise = loading.get(locale);
  if (!promise) {
    promise = sources[locale]().then((module) => {
      const words = wordsOf(locale, loadBankText(module.default, bankV1, scaleV1));
      loaded.set(locale, words);
      return words;
    });
    // A failed download may succeed later (the next screen, the next visit).
    promise.catch(() => loading.delete(locale));
    loading.set(locale, promise);
  }
  return promise;
}

/**
 * The wording for the language shown, or null while it loads (the screen shows that it is
 * loading). Once one screen has it, every other has it at once.
 */
export function useWords(): Words | null {
  const { locale } = useI18n();
  const [, loadedNow] = useState(0);
  useEffect(() => {
    if (loaded.has(locale)) return;
    let current = true;
    const done = () => current && loadedNow((n) => n + 1);
    loadWords(locale).then(done, done);
    return () => {
      current = false;
    };
  }, [locale]);
  return loaded.get(locale) ?? null;
}

function wordsOf(locale: UiLocale, text: BankText): Words {
  return {
    locale,
    item: (id) => text.basics[id] ?? text.blockers[id] ?? id,
    heading: (id) => text.headings[id] ?? id,
    skill: (id) => text.skills[id] ?? { label: id, example: '' },
    option: (facet, score) => text.options[facet][score] ?? String(score),
    missing: (id) => text.missing[id] ?? id,
  };
}
