/**
 * The programme dashboard's own messages, in English and Welsh. They load with the screen, not
 * with the app (test/ui/catalogue.test.ts checks them as it checks the main catalogue). Outcome
 * kinds are worded as on the results screen (results.messages.ts) and in the outcomes CSV.
 */
import type { Message } from '../i18n/en.ts';

const en = {
  title: 'Programme dashboard',
  intro:
    'Figures for {organisation}, worked out on this device from the assessments the server holds. Each resident counts once.',
  'filter.title': 'Choose the assessments',
  'filter.programme': 'Programme',
  'filter.all': 'All programmes',
  'filter.none': 'No programme',
  'filter.venue': 'Venue name',
  'filter.anyVenue': 'Any venue',
  'filter.from': 'From (optional)',
  'filter.to': 'To (optional)',
  'filter.show': 'Show figures',
  threshold:
    'Figures about fewer than {min} residents are not shown, to protect residents in small groups.',
  suppressed: 'Fewer than {min} residents: not shown',
  none: 'There are no assessments for this choice.',
  'summary.title': 'Residents and assessments',
  'summary.residents': 'Residents',
  'summary.assessments': 'Assessments',
  'summary.revisited': 'Residents seen two or more times',
  'profile.title': 'Cohort profile',
  'profile.intro': 'Section scores out of 100 at each resident’s latest visit.',
  'table.section': 'Section',
  'table.mean': 'Mean',
  'table.median': 'Median',
  'table.n': 'Residents (n)',
  'priorities.title': 'Cohort priorities',
  'priorities.intro':
    'The share of residents for whom each skill is a High priority (low skill, high interest), highest first.',
  'table.skill': 'Skill',
  'table.share': 'High priority for',
  percent: '{value}%',
  'gain.title': 'Change since the first visit',
  'gain.intro':
    'Residents with two or more visits: the first visit against the latest, in percentage points, on questions answered both times.',
  points: '{value} points',
  'outcomes.title': 'Outcomes',
  'outcomes.period': 'Count by',
  'period.month': 'Month',
  'period.quarter': 'Quarter',
  'period.year': 'Year',
  'table.period': 'Period',
  'table.outcome': 'Outcome',
  'table.count': 'Count',
  'outcomes.none': 'No outcomes have been recorded for these assessments.',
  'outcomes.csv': 'Download outcome counts (CSV)',
  'compare.title': 'Compared with a baseline',
  'compare.intro':
    'Each resident’s latest visit, averaged per question, against the baseline on the questions both have. Questions fewer than {min} residents answered are left out.',
  'compare.baseline': 'Baseline',
  'compare.source': 'Provenance: {provenance}. Source: {source}',
  'compare.cohort': 'This cohort',
  'compare.none': 'This cohort and the baseline have no questions in common to compare.',
  'table.heading': 'Heading',
  'table.common': 'Questions in common',
  'provenance.illustrative': 'Illustrative example, not official data',
  'provenance.local-cohort': 'Local cohort',
  'provenance.imported': 'Imported',
  'chart.profile': 'Mean section score',
  'chart.priorities': 'Share with the skill as a High priority',
} as const;

export type DashboardKey = keyof typeof en;

const cy: Readonly<Record<DashboardKey, Message>> = {
  title: 'Dangosfwrdd rhaglenni',
  intro:
    "Ffigurau ar gyfer {organisation}, wedi'u cyfrifo ar y ddyfais hon o'r asesiadau sydd gan y gweinydd. Mae pob preswylydd yn cyfrif unwaith.",
  'filter.title': 'Dewis yr asesiadau',
  'filter.programme': 'Rhaglen',
  'filter.all': 'Pob rhaglen',
  'filter.none': 'Dim rhaglen',
  'filter.venue': 'Enw’r lleoliad',
  'filter.anyVenue': 'Unrhyw leoliad',
  'filter.from': 'O (dewisol)',
  'filter.to': 'I (dewisol)',
  'filter.show': 'Dangos y ffigurau',
  threshold:
    'Nid yw ffigurau am lai na {min} o breswylwyr yn cael eu dangos, er mwyn diogelu preswylwyr mewn grwpiau bach.',
  suppressed: 'Llai na {min} o breswylwyr: heb ei ddangos',
  none: 'Does dim asesiadau ar gyfer y dewis hwn.',
  'summary.title': 'Preswylwyr ac asesiadau',
  'summary.residents': 'Preswylwyr',
  'summary.assessments': 'Asesiadau',
  'summary.revisited': 'Preswylwyr a welwyd ddwywaith neu fwy',
  'profile.title': 'Proffil y garfan',
  'profile.intro': 'Sgorau’r adrannau allan o 100 yn ymweliad diweddaraf pob preswylydd.',
  'table.section': 'Adran',
  'table.mean': 'Cymedr',
  'table.median': 'Canolrif',
  'table.n': 'Preswylwyr (n)',
  'priorities.title': 'Blaenoriaethau’r garfan',
  'priorities.intro':
    'Cyfran y preswylwyr y mae pob sgìl yn flaenoriaeth Uchel iddyn nhw (sgìl isel, diddordeb uchel), yr uchaf yn gyntaf.',
  'table.skill': 'Sgìl',
  'table.share': 'Blaenoriaeth uchel i',
  percent: '{value}%',
  'gain.title': 'Newid ers yr ymweliad cyntaf',
  'gain.intro':
    "Preswylwyr ag ymweliad dwywaith neu fwy: yr ymweliad cyntaf o'i gymharu â'r diweddaraf, mewn pwyntiau canran, ar gwestiynau a atebwyd y ddwy waith.",
  points: '{value} pwynt',
  'outcomes.title': 'Canlyniadau',
  'outcomes.period': 'Cyfrif fesul',
  'period.month': 'Mis',
  'period.quarter': 'Chwarter',
  'period.year': 'Blwyddyn',
  'table.period': 'Cyfnod',
  'table.outcome': 'Canlyniad',
  'table.count': 'Nifer',
  'outcomes.none': 'Does dim canlyniadau wedi’u cofnodi ar gyfer yr asesiadau hyn.',
  'outcomes.csv': 'Lawrlwytho nifer y canlyniadau (CSV)',
  'compare.title': "O'i gymharu â llinell sylfaen",
  'compare.intro':
    "Ymweliad diweddaraf pob preswylydd, ar gyfartaledd fesul cwestiwn, o'i gymharu â'r llinell sylfaen ar y cwestiynau sydd gan y ddau. Mae cwestiynau a atebwyd gan lai na {min} o breswylwyr yn cael eu gadael allan.",
  'compare.baseline': 'Llinell sylfaen',
  'compare.source': 'Tarddiad: {provenance}. Ffynhonnell: {source}',
  'compare.cohort': 'Y garfan hon',
  'compare.none':
    "Does gan y garfan hon a'r llinell sylfaen ddim cwestiynau yn gyffredin i'w cymharu.",
  'table.heading': 'Pennawd',
  'table.common': 'Cwestiynau yn gyffredin',
  'provenance.illustrative': 'Enghraifft i ddangos, nid data swyddogol',
  'provenance.local-cohort': 'Carfan leol',
  'provenance.imported': 'Wedi’i fewnforio',
  'chart.profile': 'Sgôr gymedrig yr adran',
  'chart.priorities': 'Cyfran â’r sgìl yn flaenoriaeth Uchel',
};

export const dashboardMessages = { en, cy } as const;

/** Welsh a professional translator should check before go-live. */
export const NEEDS_REVIEW_CY: readonly DashboardKey[] = [
  'intro',
  'threshold',
  'priorities.intro',
  'gain.intro',
  'compare.intro',
  'provenance.illustrative',
];
