/**
 * An assessment's answers in a compact form, for sending many at once (the dashboard's cohort):
 * one string per facet with one character per bank item, in bank order (bank.basics,
 * bank.blockers, bank.skills for both skill and interest). '0'–'4' is a score; a non-answer is a
 * letter (CODES below); '.' is not asked. Item ids are implied by the position, so answers take
 * about a sixth of the bytes of answer objects as JSON, and checking them is one regular
 * expression per facet instead of a check of every answer.
 */
import * as z from 'zod/mini';
import { FACETS, MISSING, SCORES, type Answer, type Answers, type Facet } from './answers.ts';
import type { Bank } from './bank/schema.ts';

export type CompactAnswers = Record<Facet, string>;

/** Never change a letter: it is what a stored or sent compact answer means. */
const CODES: Readonly<Record<Answer, string>> = {
  0: '0',
  1: '1',
  2: '2',
  3: '3',
  4: '4',
  skipped: 's',
  'prefer-not-to-say': 'p',
  'dont-know': 'd',
  'not-applicable': 'n',
};
const NOT_ASKED = '.';
const NOT_ASKED_CODE = NOT_ASKED.charCodeAt(0);

/** The answer of each character code; undefined for any character that is not one. */
const ANSWER_OF: (Answer | undefined)[] = [];
/** The character code of each answer (a Map: 0 and '0' must differ). */
const CODE_OF = new Map<unknown, number>();
for (const answer of [...SCORES, ...MISSING]) {
  ANSWER_OF[CODES[answer].charCodeAt(0)] = answer;
  CODE_OF.set(answer, CODES[answer].charCodeAt(0));
}

/** The item ids of each facet, in FACETS order, as their characters are laid out. */
function idsOf(bank: Bank): readonly (readonly string[])[] {
  let ids = layouts.get(bank);
  if (!ids) {
    const skills = bank.skills.map((s) => s.id);
    ids = [bank.basics.map((i) => i.id), bank.blockers.map((i) => i.id), skills, skills];
    layouts.set(bank, ids);
  }
  return ids;
}
const layouts = new WeakMap<Bank, readonly (readonly string[])[]>();

/**
 * Throws on an answer to an item the bank does not have, or on a value that is not an answer:
 * either would otherwise be lost without a trace.
 */
export function encodeAnswers(answers: Answers, bank: Bank): CompactAnswers {
  const ids = idsOf(bank);
  const compact = {} as CompactAnswers;
  FACETS.forEach((facet, f) => {
    const given = answers[facet];
    const facetIds = ids[f] as readonly string[];
    // Made into a string at once: one built a character at a time is slower to build, and
    // slower again to write as JSON.
    const codes = new Array<number>(facetIds.length);
    let found = 0;
    for (let i = 0; i < facetIds.length; i += 1) {
      const id = facetIds[i] as string;
      const answer = given[id];
      if (answer === undefined) {
        codes[i] = NOT_ASKED_CODE;
        continue;
      }
      const code = CODE_OF.get(answer);
      if (code === undefined) {
        throw new Error(`answers.${facet}.${id} is ${JSON.stringify(answer)}, not an answer`);
      }
      codes[i] = code;
      found += 1;
    }
    if (found !== Object.keys(given).length) {
      const known = new Set(facetIds);
      const unknown = Object.keys(given).filter((id) => !known.has(id));
      throw new Error(
        `answers.${facet} has ${unknown.join(', ')}, not in bank version ${bank.bankVersion}`,
      );
    }
    compact[facet] = String.fromCharCode(...codes);
  });
  return compact;
}

/** Throws on a string of the wrong length or with a character that is not an answer. */
export function decodeAnswers(compact: CompactAnswers, bank: Bank): Answers {
  const ids = idsOf(bank);
  const answers = {} as Answers;
  FACETS.forEach((facet, f) => {
    const facetIds = ids[f] as readonly string[];
    const text = compact[facet];
    if (text.length !== facetIds.length) {
      throw new Error(
        `answers.${facet} has ${text.length} characters; bank version ${bank.bankVersion} ` +
          `has ${facetIds.length} items`,
      );
    }
    const given: Record<string, Answer> = {};
    for (let i = 0; i < facetIds.length; i += 1) {
      const code = text.charCodeAt(i);
      if (code === NOT_ASKED_CODE) continue;
      const answer = ANSWER_OF[code];
      if (answer === undefined) {
        throw new Error(`answers.${facet} has ${JSON.stringify(text[i])}, not an answer`);
      }
      given[facetIds[i] as string] = answer;
    }
    answers[facet] = given;
  });
  return answers;
}

/** The compact form for this bank: each facet's string of exactly its length, of answer codes. */
export function compactAnswersSchema(bank: Bank) {
  const ids = idsOf(bank);
  const characters = `[0-4${MISSING.map((m) => CODES[m]).join('')}${NOT_ASKED}]`;
  const facet = (f: number) =>
    z.string().check(z.regex(new RegExp(`^${characters}{${(ids[f] ?? []).length}}$`)));
  return z.object({ basics: facet(0), blockers: facet(1), skill: facet(2), interest: facet(3) });
}
