import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import personas from '../../domain/bank/personas-v1.json';
import { bankV1, loadBaselines, type Baseline } from '../../domain/index.ts';
import {
  baselineListResponseSchema,
  programmeListResponseSchema,
  type ProgrammeSummary,
} from '../../shared/council-api.ts';
import { ApiError } from '../../sync/client.ts';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary.tsx';
import { OnlineData } from '../components/OnlineData.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { TextField } from '../components/TextField.tsx';
import { failureText } from '../errors.ts';
import { useI18n, useScreenMessages } from '../i18n/i18n.ts';
import { useServices } from '../services.ts';
import { baselinesMessages } from './baselines.messages.ts';

const SHIPPED = loadBaselines(personas, bankV1);

/** What the last action left to say: done, or refused with every problem. */
type Outcome =
  | { readonly kind: 'done'; readonly text: string }
  | { readonly kind: 'problems'; readonly intro: string; readonly problems: readonly string[] }
  | { readonly kind: 'failed'; readonly text: string };

/**
 * For coordinators: the baselines to compare with (shipped and the organisation's own, each
 * with its provenance and source), imported from a file or made from a programme's first visits.
 */
export default function BaselinesScreen() {
  const { t, locale } = useI18n();
  const m = useScreenMessages(baselinesMessages);
  const { client } = useServices();
  const [changes, setChanges] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const failed = (error: unknown) =>
    setOutcome({ kind: 'failed', text: failureText(t, locale, error) });

  return (
    <>
      <PageTitle focusKey="baselines">{m('title')}</PageTitle>
      <p>{m('intro')}</p>
      {outcome?.kind === 'done' && (
        <p class="banner banner-success" role="status">
          {outcome.text}
        </p>
      )}
      {outcome?.kind === 'failed' && (
        <p class="error-message" role="alert">
          {outcome.text}
        </p>
      )}
      <OnlineData
        load={async (e) => {
          const [own, programmes] = await Promise.all([
            client.get(e.token, '/api/baselines', baselineListResponseSchema),
            client.get(e.token, '/api/programmes', programmeListResponseSchema),
          ]);
          return { baselines: own.baselines, programmes: programmes.programmes };
        }}
        deps={[changes]}
      >
        {({ enrolment, data }) => (
          <>
            <BaselineList
              own={data.baselines}
              onDelete={async (baseline) => {
                try {
                  await client.delete(
                    enrolment.token,
                    `/api/baselines/${encodeURIComponent(baseline.id)}`,
                  );
                  setOutcome({ kind: 'done', text: m('deleted', { name: baseline.name[locale] }) });
                } catch (error) {
                  failed(error);
                }
                setChanges((n) => n + 1);
              }}
            />
            <ImportForm
              problems={outcome?.kind === 'problems' ? outcome : null}
              onImport={async (format, content) => {
                try {
                  const { baselines } = await client.post(
                    enrolment.token,
                    '/api/baselines',
                    { format, content },
                    baselineListResponseSchema,
                  );
                  setOutcome({
                    kind: 'done',
                    text: m('import.done', {
                      count: baselines.length,
                      names: baselines.map((b) => b.name[locale]).join(', '),
                    }),
                  });
                  setChanges((n) => n + 1);
                  return true;
                } catch (error) {
                  if (error instanceof ApiError && error.problems.length > 0) {
                    setOutcome({
                      kind: 'problems',
                      intro: m('import.problems'),
                      problems: error.problems,
                    });
                  } else {
                    failed(error);
                  }
                  return false;
                }
              }}
            />
            <CohortForm
              programmes={data.programmes}
              onMake={async (programme, name) => {
                try {
                  const { baselines } = await client.post(
                    enrolment.token,
                    '/api/baselines/from-programme',
                    { programme, name },
                    baselineListResponseSchema,
                  );
                  const made = baselines[0]?.name[locale] ?? name[locale];
                  setOutcome({ kind: 'done', text: m('cohort.done', { name: made }) });
                  setChanges((n) => n + 1);
                } catch (error) {
                  failed(error);
                }
              }}
            />
          </>
        )}
      </OnlineData>
    </>
  );
}

function BaselineList(props: {
  own: readonly Baseline[];
  onDelete: (baseline: Baseline) => Promise<void>;
}) {
  const { locale } = useI18n();
  const m = useScreenMessages(baselinesMessages);
  const [busy, setBusy] = useState(false);
  const row = (b: Baseline, action: ComponentChildren) => (
    <tr key={b.id} data-baseline={b.id}>
      <td>{b.name[locale]}</td>
      <td>{m(`provenance.${b.provenance}`)}</td>
      <td>{b.source}</td>
      <td>{action}</td>
    </tr>
  );
  return (
    <section aria-labelledby="baselines-list-title">
      <h2 id="baselines-list-title">{m('list.title')}</h2>
      <DataTable
        labelledBy="baselines-list-title"
        columns={[m('table.name'), m('table.provenance'), m('table.source'), m('table.action')]}
      >
        {SHIPPED.map((b) => row(b, m('shipped')))}
        {props.own.map((b) =>
          row(
            b,
            <button
              type="button"
              class="button button-secondary button-small"
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                await props.onDelete(b);
                setBusy(false);
              }}
            >
              {m('delete', { name: b.name[locale] })}
            </button>,
          ),
        )}
      </DataTable>
    </section>
  );
}

function ImportForm(props: {
  problems: { readonly intro: string; readonly problems: readonly string[] } | null;
  onImport: (format: 'json' | 'csv', content: string) => Promise<boolean>;
}) {
  const m = useScreenMessages(baselinesMessages);
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{m('import.title')}</h2>
      <p id="baseline-file-hint">{m('import.intro')}</p>
      {/* The file's problems, until the next attempt (a missing file is said instead). */}
      {props.problems && missing.length === 0 ? (
        <ErrorSummary
          intro={props.problems.intro}
          errors={props.problems.problems.map((message) => ({ field: 'baseline-file', message }))}
        />
      ) : (
        <ErrorSummary errors={missing} />
      )}
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const form = e.currentTarget;
          if (!file) {
            setMissing([{ field: 'baseline-file', message: m('import.noFile') }]);
            return;
          }
          setMissing([]);
          setBusy(true);
          const csv = /\.csv$/i.test(file.name) || file.type === 'text/csv';
          const done = await props.onImport(csv ? 'csv' : 'json', await file.text());
          setBusy(false);
          if (done) {
            form.reset();
            setFile(null);
          }
        }}
      >
        <div class={missing.length > 0 ? 'form-group form-group-error' : 'form-group'}>
          <label class="label" for="baseline-file">
            {m('import.file')}
          </label>
          {missing.length > 0 && (
            <p class="error-message" id="baseline-file-error">
              {m('import.noFile')}
            </p>
          )}
          <input
            class="input"
            type="file"
            id="baseline-file"
            name="baseline-file"
            accept=".json,.csv,application/json,text/csv"
            aria-describedby={
              missing.length > 0 ? 'baseline-file-hint baseline-file-error' : 'baseline-file-hint'
            }
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" class="button" disabled={busy}>
          {m('import.submit')}
        </button>
      </form>
    </section>
  );
}

function CohortForm(props: {
  programmes: readonly ProgrammeSummary[];
  onMake: (programme: string, name: { en: string; cy: string }) => Promise<void>;
}) {
  const m = useScreenMessages(baselinesMessages);
  const [programme, setProgramme] = useState(props.programmes[0]?.programme ?? '');
  const [name, setName] = useState({ en: '', cy: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <section aria-labelledby="cohort-title">
      <h2 id="cohort-title">{m('cohort.title')}</h2>
      <p>{m('cohort.intro')}</p>
      {props.programmes.length === 0 ? (
        <p>{m('cohort.noProgrammes')}</p>
      ) : (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const found: FieldError[] = [];
            if (!name.en.trim())
              found.push({ field: 'cohort-name-en', message: m('cohort.nameMissing') });
            if (!name.cy.trim())
              found.push({ field: 'cohort-name-cy', message: m('cohort.nameMissing') });
            setErrors(found);
            if (found.length > 0) return;
            setBusy(true);
            await props.onMake(programme, { en: name.en.trim(), cy: name.cy.trim() });
            setBusy(false);
          }}
        >
          <ErrorSummary errors={errors} />
          <div class="form-group">
            <label class="label" for="cohort-programme">
              {m('cohort.programme')}
            </label>
            <select
              class="input"
              id="cohort-programme"
              value={programme}
              onChange={(e) => setProgramme(e.currentTarget.value)}
            >
              {props.programmes.map((p) => (
                <option key={p.programme} value={p.programme}>
                  {p.programme === '' ? m('cohort.none') : p.programme}
                </option>
              ))}
            </select>
          </div>
          <TextField
            id="cohort-name-en"
            label={m('cohort.nameEn')}
            value={name.en}
            error={errorFor('cohort-name-en')}
            maxLength={80}
            onInput={(en) => setName({ ...name, en })}
          />
          <TextField
            id="cohort-name-cy"
            label={m('cohort.nameCy')}
            value={name.cy}
            error={errorFor('cohort-name-cy')}
            maxLength={80}
            onInput={(cy) => setName({ ...name, cy })}
          />
          <button type="submit" class="button" disabled={busy}>
            {m('cohort.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
