// @vitest-environment node
import { describe, expect, it } from 'vitest';
import bankData from '../../src/domain/bank/bank-v1.json';
import scaleData from '../../src/domain/bank/scale-v1.json';
import englishData from '../../src/domain/bank/text-v1.en.json';
import welshData from '../../src/domain/bank/text-v1.cy.json';
import {
  bankV1,
  DataError,
  loadBank,
  loadBankText,
  loadScale,
  scaleV1,
  textAt,
} from '../../src/domain/index.ts';
import { at } from './builders.ts';

const HEADINGS = [
  ['getting-started', 'Getting started', 8],
  ['communicating', 'Communicating', 7],
  ['handling-information', 'Handling information and content', 7],
  ['transacting', 'Transacting', 8],
  ['problem-solving', 'Problem solving', 5],
  ['staying-safe', 'Staying safe', 8],
  ['advanced', 'Advanced skills', 5],
] as const;

const SKILL_IDS = [
  ...['GS01', 'GS02', 'GS03', 'GS04', 'GS05', 'GS06', 'GS07', 'GS08'],
  ...['CM01', 'CM02', 'CM03', 'CM04', 'CM05', 'CM06', 'CM07'],
  ...['HI01', 'HI02', 'HI03', 'HI04', 'HI05', 'HI06', 'HI07'],
  ...['TR01', 'TR02', 'TR03', 'TR04', 'TR05', 'TR06', 'TR07', 'TR08'],
  ...['PS01', 'PS02', 'PS03', 'PS04', 'PS05'],
  ...['SS01', 'SS02', 'SS03', 'SS04', 'SS05', 'SS06', 'SS07', 'SS08'],
  ...['AD01', 'AD02', 'AD03', 'AD04', 'AD05'],
];

const SHORT_SET = [
  ...['GS01', 'GS05', 'GS06', 'CM02', 'CM04', 'HI01', 'HI02'],
  ...['TR04', 'TR05', 'TR07', 'TR08', 'PS02', 'SS01', 'SS03'],
];

/** The English wording, checked against the bank like any wording file. */
const english = loadBankText(englishData, bankV1, scaleV1);
const optionTexts = (facet: keyof typeof scaleV1.options) => english.options[facet];

/** A fresh, mutable copy of the shipped data to break in one place. */
const bankCopy = () => structuredClone(bankData) as Record<string, unknown> & typeof bankData;
const scaleCopy = () => structuredClone(scaleData) as Record<string, unknown> & typeof scaleData;

function dataErrorFrom(load: () => unknown): DataError {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return error as DataError;
  }
  throw new Error('expected the data to be rejected');
}

describe('question bank version 1', () => {
  it('is version 1 and the scale is version 1', () => {
    expect(bankV1.bankVersion).toBe(1);
    expect(scaleV1.scaleVersion).toBe(1);
  });

  it('has the three Basics items with the statements from the specification', () => {
    expect(bankV1.basics.map((i) => [i.id, english.basics[i.id]])).toEqual([
      ['B1', 'I have a device that connects me to the internet'],
      ['B2', 'I have an internet connection (fixed broadband and/or mobile data)'],
      ['B3', 'I have a physical environment that lets me do what I need to online'],
    ]);
  });

  it('has the five Blockers with the wording from the specification', () => {
    expect(bankV1.blockers.map((i) => [i.id, english.blockers[i.id]])).toEqual([
      ['K1', 'Prohibitive cost (of kit and/or broadband/mobile data)'],
      ['K2', 'Connectivity (availability of fixed broadband and 4G, not cost related)'],
      ['K3', 'Lack of skills and confidence'],
      ['K4', 'Lack of interest or motivation'],
      ['K5', 'Health, disability or language barriers'],
    ]);
  });

  it('makes only K5 (health, disability or language) optional', () => {
    expect(bankV1.blockers.filter((i) => i.optional).map((i) => i.id)).toEqual(['K5']);
  });

  it('has 48 skills under seven headings of 8, 7, 7, 8, 5, 8 and 5 skills, in that order', () => {
    expect(bankV1.headings.map((h) => [h.id, english.headings[h.id], h.skills.length])).toEqual(
      HEADINGS,
    );
    expect(bankV1.skills).toHaveLength(48);
  });

  it('lists the skills with the exact IDs of the specification, in heading then skill order', () => {
    expect(bankV1.skills.map((s) => s.id)).toEqual(SKILL_IDS);
    expect(new Set(SKILL_IDS).size).toBe(48);
  });

  it('records each skill’s heading and its place in the bank, for the plan’s tie-break', () => {
    const tr05 = bankV1.skillById.get('TR05');
    expect(tr05).toMatchObject({ headingId: 'transacting', headingIndex: 3, index: 4 });
    expect(english.skills['TR05']).toEqual({
      label: 'Pay bills online',
      example: 'Pay council tax or the energy bill online',
    });
    expect(bankV1.skillById.get('AD05')).toMatchObject({ headingIndex: 6, index: 4 });
    expect(bankV1.skillById.size).toBe(48);
  });

  it('marks exactly the 14 short-set skills of the specification', () => {
    expect(bankV1.skills.filter((s) => s.short).map((s) => s.id)).toEqual(SHORT_SET);
  });
});

describe('scale version 1', () => {
  it('words the five Basics options exactly as the specification', () => {
    expect(optionTexts('basics')).toEqual([
      'I do not have this',
      'I occasionally have access to this',
      'I sometimes have access to this',
      'I usually have access to this',
      'I always have access to this',
    ]);
  });

  it('words the five Blockers options exactly as the specification, higher being better', () => {
    expect(optionTexts('blockers')).toEqual([
      'This stops me from using the internet',
      'This causes me major problems in using the internet',
      'This causes me some problems in using the internet',
      'This causes me minor problems in using the internet',
      'This causes me no problems in using the internet',
    ]);
  });

  it('words the five skills and confidence options exactly as the specification', () => {
    expect(optionTexts('skill')).toEqual([
      'I have no ability',
      "I'm cautious/reluctant to do anything without help",
      "I'm willing to give it a go, but may need help",
      "I'm confident doing it for myself",
      'I could teach others',
    ]);
  });

  it('words the five interest and motivation options exactly as the specification', () => {
    expect(optionTexts('interest')).toEqual([
      "I'm not interested in doing this",
      "I'm unlikely to do this regularly",
      'I may or may not do this regularly',
      "I'm likely to do this regularly",
      "I'll definitely do this regularly",
    ]);
  });

  it('scores every option set 0 to 4 in order', () => {
    for (const options of Object.values(scaleV1.options)) {
      expect(options).toEqual([0, 1, 2, 3, 4]);
    }
  });

  it('offers prefer not to say, don’t know and not applicable as answers that are not scores', () => {
    expect([...scaleV1.missing].sort()).toEqual([
      'dont-know',
      'not-applicable',
      'prefer-not-to-say',
    ]);
  });

  it('holds the band edges, low-coverage thresholds and flag threshold as data', () => {
    expect(scaleV1.bands).toEqual({ high: 9, medium: 4, low: 1 });
    expect(scaleV1.lowCoverage).toEqual({ minShare: 0.5, minAnswered: 3, minAnsweredBasics: 2 });
    expect(scaleV1.flags).toEqual({ atOrBelow: 1 });
  });
});

describe('loading a question bank', () => {
  it('accepts the shipped data and gives the same bank as bankV1', () => {
    const bank = loadBank(bankCopy());
    expect(bank.skills.map((s) => s.id)).toEqual(SKILL_IDS);
  });

  it('rejects a skill ID used twice, naming the ID', () => {
    const raw = bankCopy();
    at(at(raw.headings, 6).skills, 0).id = 'GS01';
    const error = dataErrorFrom(() => loadBank(raw));
    expect(error.message).toMatch(/question bank/);
    expect(error.message).toMatch(/duplicate item ID GS01/);
  });

  it('rejects a Blocker ID used twice, naming the ID', () => {
    const raw = bankCopy();
    at(raw.blockers, 1).id = 'K1';
    expect(dataErrorFrom(() => loadBank(raw)).message).toMatch(/duplicate item ID K1/);
  });

  it('rejects an item with a missing field, naming where it is', () => {
    const raw = bankCopy();
    delete (raw.blockers[4] as { optional?: boolean }).optional;
    const error = dataErrorFrom(() => loadBank(raw));
    expect(error.problems).toEqual(['blockers.4.optional: missing field']);
    expect(error.message).toBe('Invalid question bank: blockers.4.optional: missing field');
  });

  it('rejects a skill with a missing short-set marker', () => {
    const raw = bankCopy();
    delete (at(at(raw.headings, 0).skills, 0) as { short?: boolean }).short;
    expect(dataErrorFrom(() => loadBank(raw)).message).toMatch(
      /headings\.0\.skills\.0\.short: missing field/,
    );
  });

  it('rejects an unknown field, naming the field', () => {
    const raw = bankCopy();
    (at(at(raw.headings, 0).skills, 0) as Record<string, unknown>)['colour'] = 'red';
    expect(dataErrorFrom(() => loadBank(raw)).message).toMatch(
      /headings\.0\.skills\.0: unknown field "colour"/,
    );
  });

  it('rejects an unknown top-level field, naming the field', () => {
    const raw = bankCopy();
    raw['notes'] = 'draft';
    expect(dataErrorFrom(() => loadBank(raw)).message).toMatch(/unknown field "notes"/);
  });

  it('rejects a field of the wrong type, saying what was expected', () => {
    const raw = bankCopy();
    (raw.blockers[4] as { optional: unknown }).optional = 'yes';
    expect(dataErrorFrom(() => loadBank(raw)).message).toMatch(
      /blockers\.4\.optional: expected boolean/,
    );
  });

  it('rejects a skill ID that does not look like two letters and two digits', () => {
    const raw = bankCopy();
    at(at(raw.headings, 0).skills, 0).id = 'GS1';
    expect(dataErrorFrom(() => loadBank(raw)).message).toMatch(/headings\.0\.skills\.0\.id/);
  });

  it('rejects something that is not a bank at all', () => {
    expect(() => loadBank(null)).toThrow(DataError);
    expect(() => loadBank('bank')).toThrow(/Invalid question bank/);
  });
});

describe('loading a scale', () => {
  it('accepts the shipped data', () => {
    expect(loadScale(scaleCopy())).toEqual(scaleV1);
  });

  it('rejects options whose scores are out of order, naming the option set', () => {
    const raw = scaleCopy();
    const skill = raw.options.skill;
    [skill[0], skill[1]] = [at(skill, 1), at(skill, 0)];
    const error = dataErrorFrom(() => loadScale(raw));
    expect(error.message).toBe(
      'Invalid scale: options.skill: options must be scored 0 to 4 in order',
    );
  });

  it('rejects an option score outside 0 to 4', () => {
    const raw = scaleCopy();
    (raw.options.basics as number[])[4] = 5;
    expect(dataErrorFrom(() => loadScale(raw)).message).toMatch(/options\.basics\.4/);
  });

  it('rejects an option set without exactly five options', () => {
    const raw = scaleCopy();
    raw.options.interest.pop();
    expect(dataErrorFrom(() => loadScale(raw)).message).toMatch(
      /options\.interest: expected exactly 5/,
    );
  });

  it('rejects a scale with a missing field, naming the field', () => {
    const raw = scaleCopy();
    delete (raw as { bands?: unknown }).bands;
    expect(dataErrorFrom(() => loadScale(raw)).message).toMatch(/bands: missing field/);
  });

  it('rejects an unknown field, naming the field', () => {
    const raw = scaleCopy();
    (raw.bands as Record<string, number>)['urgent'] = 12;
    expect(dataErrorFrom(() => loadScale(raw)).message).toMatch(/bands: unknown field "urgent"/);
  });

  it('lists every problem found, one per line of the error', () => {
    const raw = scaleCopy();
    raw['colour'] = 'red';
    delete (raw as { flags?: unknown }).flags;
    const error = dataErrorFrom(() => loadScale(raw));
    expect(error.subject).toBe('scale');
    expect(error.problems).toHaveLength(2);
    expect(error.name).toBe('DataError');
  });
});

describe('the wording of question bank 1', () => {
  const english = () =>
    structuredClone(englishData) as typeof englishData & Record<string, unknown>;

  it('words every question, option and non-answer in each language, and nothing else', () => {
    for (const data of [englishData, welshData]) {
      const wording = loadBankText(data, bankV1, scaleV1);
      expect(Object.keys(wording.skills)).toEqual(bankV1.skills.map((s) => s.id));
      expect(Object.keys(wording.missing).sort()).toEqual([...scaleV1.missing].sort());
    }
  });

  it('has Welsh wording that differs from the English, with every review mark on a real text', () => {
    const welsh = loadBankText(welshData, bankV1, scaleV1);
    expect(welsh.locale).toBe('cy');
    expect(welsh.skills['GS01']?.label).not.toBe(englishData.skills.GS01.label);
    expect(welsh.options.skill).not.toEqual(englishData.options.skill);
    for (const path of welsh.needsReview ?? []) expect(textAt(welsh, path), path).toBeTruthy();
  });

  it('names every skill it lacks and every one the bank does not have', () => {
    const raw = english();
    const skills: Record<string, unknown> = { ...raw.skills, ZZ99: { label: 'x', example: 'y' } };
    delete skills['GS01'];
    raw.skills = skills as typeof raw.skills;
    expect(dataErrorFrom(() => loadBankText(raw, bankV1, scaleV1)).message).toBe(
      'Invalid question wording (en): skills.GS01 is missing; skills.ZZ99 is not in the bank',
    );
  });

  it('refuses a review mark that points at no text, and an empty text', () => {
    const marked = { ...english(), needsReview: ['skills.GS01.label', 'skills.NOPE.label'] };
    expect(dataErrorFrom(() => loadBankText(marked, bankV1, scaleV1)).message).toContain(
      'needsReview names skills.NOPE.label, which has no text',
    );
    const empty = english();
    empty.basics.B1 = '';
    expect(dataErrorFrom(() => loadBankText(empty, bankV1, scaleV1)).message).toMatch(/basics\.B1/);
  });
});
