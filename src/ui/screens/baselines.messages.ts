/**
 * The baselines screen's own messages, in English and Welsh. They load with the screen, not with
 * the app (test/ui/catalogue.test.ts checks them as it checks the main catalogue).
 */
import type { Message } from '../i18n/en.ts';

const en = {
  title: 'Baselines',
  intro:
    'A baseline is a set of typical answers to compare a resident or a programme with. Its provenance is always shown beside it.',
  'list.title': 'Baselines you can compare with',
  'table.name': 'Name',
  'table.provenance': 'Provenance',
  'table.source': 'Source',
  'table.action': 'Action',
  shipped: 'Shipped with Doorstep',
  delete: 'Delete {name}',
  deleted: '{name} was deleted.',
  'provenance.illustrative': 'Illustrative example, not official data',
  'provenance.local-cohort': 'Local cohort',
  'provenance.imported': 'Imported',
  'import.title': 'Import baselines from a file',
  'import.intro':
    'A JSON file of baselines, or a CSV file with the columns baseline_id, name_en, name_cy, source, provenance (optional), facet, item and value, one row per question. Nothing is imported unless the whole file is right.',
  'import.file': 'File (JSON or CSV)',
  'import.submit': 'Import',
  'import.noFile': 'Choose a file to import',
  'import.done': {
    one: '{count} baseline imported: {names}.',
    other: '{count} baselines imported: {names}.',
  },
  'import.problems': 'The file was not imported. Correct these problems and try again:',
  'cohort.title': 'Make a baseline from a programme',
  'cohort.intro':
    'Uses each resident’s first visit in the programme. Questions fewer than the organisation’s threshold answered are left out.',
  'cohort.programme': 'Programme',
  'cohort.none': 'No programme',
  'cohort.nameEn': 'Name in English',
  'cohort.nameCy': 'Name in Welsh',
  'cohort.submit': 'Make baseline',
  'cohort.done': '{name} was made.',
  'cohort.nameMissing': 'Enter a name in English and in Welsh',
  'cohort.noProgrammes': 'There are no received assessments to make a baseline from yet.',
} as const;

export type BaselinesKey = keyof typeof en;

const cy: Readonly<Record<BaselinesKey, Message>> = {
  title: 'Llinellau sylfaen',
  intro:
    'Mae llinell sylfaen yn set o atebion nodweddiadol i gymharu preswylydd neu raglen â hi. Mae ei tharddiad bob amser yn cael ei ddangos wrth ei hochr.',
  'list.title': 'Llinellau sylfaen y gallwch gymharu â nhw',
  'table.name': 'Enw',
  'table.provenance': 'Tarddiad',
  'table.source': 'Ffynhonnell',
  'table.action': 'Gweithred',
  shipped: 'Yn dod gyda Doorstep',
  delete: 'Dileu {name}',
  deleted: 'Cafodd {name} ei dileu.',
  'provenance.illustrative': 'Enghraifft i ddangos, nid data swyddogol',
  'provenance.local-cohort': 'Carfan leol',
  'provenance.imported': 'Wedi’i mewnforio',
  'import.title': 'Mewnforio llinellau sylfaen o ffeil',
  'import.intro':
    "Ffeil JSON o linellau sylfaen, neu ffeil CSV gyda'r colofnau baseline_id, name_en, name_cy, source, provenance (dewisol), facet, item a value, un rhes i bob cwestiwn. Does dim yn cael ei fewnforio oni bai bod y ffeil gyfan yn gywir.",
  'import.file': 'Ffeil (JSON neu CSV)',
  'import.submit': 'Mewnforio',
  'import.noFile': "Dewiswch ffeil i'w mewnforio",
  'import.done': {
    zero: '{count} llinell sylfaen wedi’u mewnforio: {names}.',
    one: '{count} llinell sylfaen wedi’i mewnforio: {names}.',
    two: '{count} linell sylfaen wedi’u mewnforio: {names}.',
    few: '{count} llinell sylfaen wedi’u mewnforio: {names}.',
    many: '{count} llinell sylfaen wedi’u mewnforio: {names}.',
    other: '{count} llinell sylfaen wedi’u mewnforio: {names}.',
  },
  'import.problems':
    'Ni chafodd y ffeil ei mewnforio. Cywirwch y problemau hyn a rhowch gynnig arall arni:',
  'cohort.title': 'Gwneud llinell sylfaen o raglen',
  'cohort.intro':
    "Yn defnyddio ymweliad cyntaf pob preswylydd yn y rhaglen. Mae cwestiynau a atebwyd gan lai na throthwy'r sefydliad yn cael eu gadael allan.",
  'cohort.programme': 'Rhaglen',
  'cohort.none': 'Dim rhaglen',
  'cohort.nameEn': 'Enw yn Saesneg',
  'cohort.nameCy': 'Enw yn Gymraeg',
  'cohort.submit': 'Gwneud llinell sylfaen',
  'cohort.done': 'Cafodd {name} ei gwneud.',
  'cohort.nameMissing': 'Rhowch enw yn Saesneg ac yn Gymraeg',
  'cohort.noProgrammes': "Does dim asesiadau wedi'u derbyn eto i wneud llinell sylfaen ohonyn nhw.",
};

export const baselinesMessages = { en, cy } as const;

/** Welsh a professional translator should check before go-live. */
export const NEEDS_REVIEW_CY: readonly BaselinesKey[] = [
  'intro',
  'import.intro',
  'import.done',
  'cohort.intro',
  'provenance.illustrative',
];
