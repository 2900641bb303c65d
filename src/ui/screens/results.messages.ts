/**
 * The results screen's own messages: outcomes recorded since the assessment and the comparison
 * with baselines, in English and Welsh. They load with the screen, not with the app. Same keys
 * and placeholders in both (test/ui/catalogue.test.ts).
 */
import type { Provenance } from '../../domain/index.ts';
import type { Message } from '../i18n/en.ts';

const en = {
  'outcomes.title': 'What has changed for this resident',
  'outcomes.intro':
    'Record what the resident has done since this assessment, such as banking online. Each change is sent to the council with the assessment.',
  'outcomes.none': 'Nothing recorded yet.',
  'outcomes.list': 'Recorded outcomes',
  'outcomes.item': '{outcome}, {date}',
  'outcomes.remove': 'Remove',
  'outcomes.removeFor': 'Remove {outcome}, {date}',
  'outcomes.add.title': 'Record an outcome',
  'outcomes.kind.legend': 'What has changed?',
  'outcomes.kind.error': 'Choose what has changed',
  'outcomes.date.label': 'When did it happen?',
  'outcomes.date.error': 'Enter a real date, today or earlier',
  'outcomes.duplicate': 'This outcome is already recorded for that date',
  'outcomes.add': 'Record outcome',
  'outcomes.added': 'Recorded: {outcome}, {date}.',
  'outcomes.removed': 'Removed: {outcome}, {date}.',
  'outcomes.saveError': 'This could not be saved: {reason}',
  'outcomes.status': 'Sending to the council: {status}',
  'compare.title': 'Compared with example profiles',
  'compare.intro':
    'A comparison with profiles of groups of people, to help talk about next steps. It does not describe this person.',
  'compare.notPossible':
    'No comparison is possible yet: it needs at least 10 questions answered with a score that a profile also has.',
  'compare.closest': 'Closest match: {name}',
  'compare.choose': 'Compare with',
  'compare.option': '{name} ({provenance})',
  'compare.provenance.illustrative': 'Illustrative example, not official data',
  'compare.provenance.local-cohort': 'Local cohort',
  'compare.provenance.imported': 'Imported',
  'compare.source': 'Source: {source}',
  'compare.common': 'Questions compared: {common}',
  'compare.table.title': 'Skills and interest by heading, compared with {name}',
  'compare.table.heading': 'Heading',
  'compare.table.skillHere': 'Skills, this assessment',
  'compare.table.skillThem': 'Skills, profile',
  'compare.table.interestHere': 'Interest, this assessment',
  'compare.table.interestThem': 'Interest, profile',
  'compare.cell': '{score} out of 100',
  'compare.cellNone': 'Not compared',
} as const;

export type ResultsKey = keyof typeof en;

const cy: Readonly<Record<ResultsKey, Message>> = {
  'outcomes.title': "Beth sydd wedi newid i'r preswylydd hwn",
  'outcomes.intro':
    "Cofnodwch beth mae'r preswylydd wedi'i wneud ers yr asesiad hwn, fel bancio ar-lein. Mae pob newid yn cael ei anfon at y cyngor gyda'r asesiad.",
  'outcomes.none': "Does dim wedi'i gofnodi eto.",
  'outcomes.list': "Canlyniadau wedi'u cofnodi",
  'outcomes.item': '{outcome}, {date}',
  'outcomes.remove': 'Dileu',
  'outcomes.removeFor': 'Dileu {outcome}, {date}',
  'outcomes.add.title': 'Cofnodi canlyniad',
  'outcomes.kind.legend': 'Beth sydd wedi newid?',
  'outcomes.kind.error': 'Dewiswch beth sydd wedi newid',
  'outcomes.date.label': 'Pryd ddigwyddodd hyn?',
  'outcomes.date.error': 'Rhowch ddyddiad go iawn, heddiw neu cyn hynny',
  'outcomes.duplicate': "Mae'r canlyniad hwn wedi'i gofnodi'n barod ar gyfer y dyddiad hwnnw",
  'outcomes.add': 'Cofnodi canlyniad',
  'outcomes.added': "Wedi'i gofnodi: {outcome}, {date}.",
  'outcomes.removed': "Wedi'i ddileu: {outcome}, {date}.",
  'outcomes.saveError': 'Doedd dim modd cadw hyn: {reason}',
  'outcomes.status': 'Anfon at y cyngor: {status}',
  'compare.title': "O'i gymharu â phroffiliau enghreifftiol",
  'compare.intro':
    "Cymhariaeth â phroffiliau grwpiau o bobl, i helpu i sôn am y camau nesaf. Nid yw'n disgrifio'r person hwn.",
  'compare.notPossible':
    "Does dim modd cymharu eto: mae angen o leiaf 10 cwestiwn wedi'u hateb gyda sgôr sydd gan broffil hefyd.",
  'compare.closest': 'Yr agosaf: {name}',
  'compare.choose': 'Cymharu â',
  'compare.option': '{name} ({provenance})',
  'compare.provenance.illustrative': 'Enghraifft i ddangos, nid data swyddogol',
  'compare.provenance.local-cohort': 'Carfan leol',
  'compare.provenance.imported': 'Wedi’i fewnforio',
  'compare.source': 'Ffynhonnell: {source}',
  'compare.common': "Cwestiynau wedi'u cymharu: {common}",
  'compare.table.title': "Sgiliau a diddordeb fesul pennawd, o'u cymharu â {name}",
  'compare.table.heading': 'Pennawd',
  'compare.table.skillHere': 'Sgiliau, yr asesiad hwn',
  'compare.table.skillThem': 'Sgiliau, proffil',
  'compare.table.interestHere': 'Diddordeb, yr asesiad hwn',
  'compare.table.interestThem': 'Diddordeb, proffil',
  'compare.cell': '{score} allan o 100',
  'compare.cellNone': 'Heb ei gymharu',
};

export const resultsMessages = { en, cy } as const;

export const PROVENANCE_KEYS: Readonly<Record<Provenance, ResultsKey>> = {
  illustrative: 'compare.provenance.illustrative',
  'local-cohort': 'compare.provenance.local-cohort',
  imported: 'compare.provenance.imported',
};

/** Welsh a professional translator should check before go-live. */
export const NEEDS_REVIEW_CY: readonly ResultsKey[] = [
  'outcomes.intro',
  'outcomes.duplicate',
  'compare.intro',
  'compare.notPossible',
  'compare.closest',
  'compare.provenance.illustrative',
  'compare.provenance.local-cohort',
  'compare.table.title',
];
