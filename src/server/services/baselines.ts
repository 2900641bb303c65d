// The organisation's own baselines: imported from a file (JSON or CSV) or made from a
// programme's first visits. The illustrative personas ship with the app and are never stored
// here. An import is all or nothing: every problem is named and nothing is written.
import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import {
  DataError,
  FACETS,
  bankV1,
  baselineFromCohort,
  baselineSchema,
  loadBaselines,
  type Baseline,
  type Facet,
} from '../../domain/index.ts';
import personasV1 from '../../domain/bank/personas-v1.json';
import type { BaselineImportRequest, CohortBaselineRequest } from '../../shared/council-api.ts';
import type { Database, Executor } from '../db/database.ts';
import { baselines } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { message } from '../messages.ts';
import { firstVisits } from './cohort.ts';
import { readSettings } from './settings.ts';

/** The ids of the personas shipped with the app: an organisation cannot take them. */
const SHIPPED_IDS: ReadonlySet<string> = new Set(personasV1.map((persona) => persona.id));

export async function listBaselines(ex: Executor, organisationId: string): Promise<Baseline[]> {
  const rows = await ex
    .select({ payload: baselines.payload })
    .from(baselines)
    .where(eq(baselines.organisationId, organisationId))
    .orderBy(asc(baselines.createdAt), asc(baselines.id));
  return rows.map((row) => row.payload);
}

/**
 * Imports every baseline of the file, or none. An id the organisation already has is replaced
 * (a council updates its figures by importing them again); a shipped persona's id is refused.
 */
export async function importBaselines(
  db: Database,
  organisationId: string,
  request: BaselineImportRequest,
  now: Date,
): Promise<Baseline[]> {
  const read = request.format === 'json' ? readJson(request.content) : readCsv(request.content);
  const problems = [...read.problems];
  let loaded: Baseline[] = [];
  if (problems.length === 0) {
    try {
      loaded = loadBaselines(read.raw, bankV1);
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      problems.push(...error.problems.map(read.where));
    }
  }
  loaded.forEach((baseline, index) => {
    if (SHIPPED_IDS.has(baseline.id)) {
      problems.push(
        read.where(
          `${index} (${baseline.id}): the id is taken by a baseline shipped with Doorstep`,
        ),
      );
    }
    if (baseline.provenance === 'illustrative') {
      problems.push(
        read.where(
          `${index} (${baseline.id}): provenance "illustrative" is only for the baselines ` +
            'shipped with Doorstep; use "imported"',
        ),
      );
    }
  });
  if (problems.length > 0) {
    throw new ApiError('invalid_baselines', message('baselines.invalid'), problems);
  }
  await db.transaction(async (tx) => {
    for (const baseline of loaded) await store(tx, organisationId, baseline, now);
  });
  return loaded;
}

/** A local-cohort baseline from each resident's first visit in the programme. */
export async function baselineFromProgramme(
  db: Database,
  organisationId: string,
  request: CohortBaselineRequest,
  now: Date,
): Promise<Baseline> {
  const { minGroup } = await readSettings(db, organisationId);
  const visits = await firstVisits(db, organisationId, request.programme);
  if (visits.length < minGroup) {
    throw new ApiError(
      'baseline_too_small',
      message('baselines.tooSmall', { residents: visits.length, minGroup }),
    );
  }
  const dates = visits.map((visit) => visit.date).sort();
  const programme = request.programme || 'assessments without a programme';
  const baseline = baselineFromCohort(
    visits.map((visit) => visit.answers),
    {
      id: cohortBaselineId(request.programme),
      name: request.name,
      source:
        `Local cohort: first visits of ${visits.length} residents in ${programme}, ` +
        `${dates[0]}–${dates.at(-1)}`,
    },
    bankV1,
    minGroup,
  );
  await store(db, organisationId, baseline, now);
  return baseline;
}

export async function deleteBaseline(ex: Executor, organisationId: string, id: string) {
  const deleted = await ex
    .delete(baselines)
    .where(and(eq(baselines.organisationId, organisationId), eq(baselines.id, id)))
    .returning({ id: baselines.id });
  if (deleted.length === 0) throw new ApiError('not_found', message('baselines.notFound'));
}

/** One id per programme, so making it again replaces it: "cohort-library-drop-in-3f9a2c". */
export function cohortBaselineId(programme: string): string {
  const slug = programme
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40)
    .replace(/-$/, '');
  const hash = createHash('sha256').update(programme).digest('hex').slice(0, 6);
  return `cohort-${slug || 'untagged'}-${hash}`;
}

async function store(ex: Executor, organisationId: string, baseline: Baseline, now: Date) {
  await ex
    .insert(baselines)
    .values({ organisationId, id: baseline.id, payload: baseline, createdAt: now })
    .onConflictDoUpdate({
      target: [baselines.organisationId, baselines.id],
      set: { payload: baseline, createdAt: now },
    });
}

// ---------------------------------------------------------------------------------------------
// Reading a file

interface Read {
  /** What loadBaselines checks, or nothing when the file could not be read at all. */
  readonly raw: unknown;
  readonly problems: readonly string[];
  /** Words a problem of baseline n ("0 (id): …", "0.values…: …") as the file's reader knows it. */
  readonly where: (problem: string) => string;
}

function readJson(content: string): Read {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    return { raw: null, problems: ['the file is not valid JSON'], where: (p) => p };
  }
  // A file that does not say where its figures come from is the council's own import.
  if (Array.isArray(raw)) {
    raw = raw.map((item: unknown) =>
      typeof item === 'object' && item !== null && !('provenance' in item)
        ? { ...item, provenance: 'imported' }
        : item,
    );
  }
  return { raw, problems: [], where: (p) => p };
}

/** The columns of a CSV file of baselines, in any order; provenance may be left out. */
export const BASELINE_CSV_COLUMNS = [
  'baseline_id',
  'name_en',
  'name_cy',
  'source',
  'provenance',
  'facet',
  'item',
  'value',
] as const;
type CsvColumn = (typeof BASELINE_CSV_COLUMNS)[number];
const OPTIONAL_COLUMNS: ReadonlySet<CsvColumn> = new Set(['provenance']);

/** One row per item; the baseline's own fields repeat on each of its rows and must agree. */
function readCsv(content: string): Read {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with the line it ends on.
    records = parse(content, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { raw: null, problems: [`the file is not readable CSV: ${detail}`], where: (p) => p };
  }
  const [head, ...rows] = records;
  const problems: string[] = [];
  const header = head?.record.map((name) => name.toLowerCase()) ?? [];
  for (const name of header) {
    if (!(BASELINE_CSV_COLUMNS as readonly string[]).includes(name)) {
      problems.push(`row 1: unknown column "${name}"`);
    }
  }
  for (const name of BASELINE_CSV_COLUMNS) {
    if (!OPTIONAL_COLUMNS.has(name) && !header.includes(name)) {
      problems.push(`row 1: the column "${name}" is missing`);
    }
  }
  if (rows.length === 0 && head) problems.push('the file has no rows after its header');
  if (!head) problems.push('the file is empty');
  if (problems.length > 0) return { raw: null, problems, where: (p) => p };

  const built = new Map<string, { baseline: Baseline; firstRow: number }>();
  const known = itemIds();
  for (const { record, info } of rows) {
    const row = info.lines;
    const cell = (name: CsvColumn) => record[header.indexOf(name)] ?? '';
    if (record.length !== header.length) {
      problems.push(`row ${row}: ${record.length} fields where the header has ${header.length}`);
      continue;
    }
    const id = cell('baseline_id');
    if (!baselineSchema.shape.id.safeParse(id).success) {
      problems.push(`row ${row}: the baseline_id "${id}" is not 1 to 60 of a–z, 0–9 and -`);
      continue;
    }
    const fields = {
      name: { en: cell('name_en'), cy: cell('name_cy') },
      source: cell('source'),
      provenance: cell('provenance') || 'imported',
    };
    let entry = built.get(id);
    if (!entry) {
      // The domain's schema checks these fields once the file is read.
      const baseline = {
        id,
        ...fields,
        values: { basics: {}, blockers: {}, skill: {}, interest: {} },
      } as Baseline;
      entry = { baseline, firstRow: row };
      built.set(id, entry);
    } else {
      const held = entry.baseline;
      for (const [name, value, before] of [
        ['name_en', fields.name.en, held.name.en],
        ['name_cy', fields.name.cy, held.name.cy],
        ['source', fields.source, held.source],
        ['provenance', fields.provenance, held.provenance],
      ] as const) {
        if (value !== before) {
          problems.push(
            `row ${row}: ${name} of ${id} is "${value}", but "${before}" on row ${entry.firstRow}`,
          );
        }
      }
    }
    const facet = cell('facet') as Facet;
    if (!FACETS.includes(facet)) {
      problems.push(`row ${row}: the facet "${facet}" is not one of ${FACETS.join(', ')}`);
      continue;
    }
    const item = cell('item');
    if (!known[facet].has(item)) {
      problems.push(`row ${row}: ${facet}.${item} is not in the question bank`);
      continue;
    }
    const text = cell('value');
    const value = Number(text);
    if (text === '' || !Number.isFinite(value) || value < 0 || value > 4) {
      problems.push(`row ${row}: the value "${text}" is not a number from 0 to 4`);
      continue;
    }
    const values = entry.baseline.values[facet];
    if (values[item] !== undefined) {
      problems.push(`row ${row}: ${id} has ${facet}.${item} twice`);
      continue;
    }
    values[item] = value;
  }
  const entries = [...built.values()];
  // Problems the domain finds name the baseline by its place in the list: name its rows instead.
  const where = (problem: string) =>
    problem.replace(/^(\d+)(?: \([^)]*\))?(?:: |\.)/, (whole, index: string) => {
      const entry = entries[Number(index)];
      return entry ? `${entry.baseline.id} (from row ${entry.firstRow}): ` : whole;
    });
  return { raw: entries.map((entry) => entry.baseline), problems, where };
}

function itemIds(): Record<Facet, ReadonlySet<string>> {
  const skills = new Set(bankV1.skills.map((skill) => skill.id));
  return {
    basics: new Set(bankV1.basics.map((item) => item.id)),
    blockers: new Set(bankV1.blockers.map((item) => item.id)),
    skill: skills,
    interest: skills,
  };
}
