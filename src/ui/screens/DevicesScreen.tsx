import { useEffect, useRef, useState } from 'preact/hooks';
import { ROLES, type Role } from '../../shared/protocol.ts';
import {
  deviceListResponseSchema,
  enrolmentCodeResponseSchema,
  revokeResponseSchema,
  type DeviceSummary,
  type EnrolmentCodeResponse,
} from '../../shared/council-api.ts';
import { ApiError } from '../../sync/client.ts';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary.tsx';
import { OnlineData } from '../components/OnlineData.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { QrCode } from '../components/QrCode.tsx';
import { Radios } from '../components/Radios.tsx';
import { formatDateTime } from '../format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useServices } from '../services.ts';

/** A physical device (enrolled with a code) and the workers' sessions signed in on it. */
export interface PhysicalDevice {
  readonly device: DeviceSummary;
  readonly sessions: readonly DeviceSummary[];
}

/**
 * Groups the list by physical device, in the list's order. Of each person's sessions on a device
 * it keeps the active ones, or the latest if none is active: every sign-in makes a session, and
 * the old ones would bury the ones that matter.
 */
export function physicalDevices(list: readonly DeviceSummary[]): PhysicalDevice[] {
  const ids = new Set(list.map((d) => d.id));
  // A session whose device is not in the list (never expected) is shown as a device of its own.
  const isSession = (d: DeviceSummary) => d.enrolledVia !== null && ids.has(d.enrolledVia);
  return list
    .filter((d) => !isSession(d))
    .map((device) => {
      const byPerson = new Map<string, DeviceSummary[]>();
      for (const s of list) {
        if (s.enrolledVia !== device.id || !isSession(s)) continue;
        byPerson.set(s.person.id, [...(byPerson.get(s.person.id) ?? []), s]);
      }
      const kept = new Set(
        [...byPerson.values()].flatMap((own) => {
          const active = own.filter((s) => s.revokedAt === null);
          return active.length > 0 ? active : own.slice(-1);
        }),
      );
      return { device, sessions: list.filter((s) => kept.has(s)) };
    });
}

/** Labels made unique by a number after each one that repeats (two tablets with one name). */
function uniqueLabels(labels: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const seen = new Map<string, number>();
  return labels.map((label) => {
    if ((counts.get(label) ?? 0) < 2) return label;
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return `${label} (${n})`;
  });
}

/**
 * For coordinators: enrol devices with one-time codes, and sign devices out, or one worker on a
 * device. Signing out a device signs out every worker on it, so it asks first.
 */
export default function DevicesScreen() {
  const { t, locale } = useI18n();
  const { client } = useServices();
  const [changes, setChanges] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<DeviceSummary | null>(null);
  const confirmTitle = useRef<HTMLHeadingElement>(null);
  const listTitle = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (confirming) confirmTitle.current?.focus();
  }, [confirming]);

  const revoke = async (token: string, id: string) => {
    try {
      await client.post(
        token,
        `/api/devices/${encodeURIComponent(id)}/revoke`,
        {},
        revokeResponseSchema,
      );
      setFailure(null);
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    }
    setChanges((n) => n + 1);
  };

  const cancel = (device: DeviceSummary) => {
    setConfirming(null);
    // Back to the button that asked.
    requestAnimationFrame(() => document.getElementById(`revoke-${device.id}`)?.focus());
  };

  const lastSeen = (d: DeviceSummary) =>
    d.lastSeenAt ? formatDateTime(d.lastSeenAt, locale) : t('devices.never');
  const revoked = (d: DeviceSummary) =>
    d.revokedAt ? t('devices.revoked', { time: formatDateTime(d.revokedAt, locale) }) : null;
  const person = (d: DeviceSummary) => `${d.person.name} (${t(`role.${d.person.role}`)})`;

  return (
    <>
      <PageTitle focusKey="devices">{t('devices.title')}</PageTitle>
      {failure && (
        <p class="error-message" role="alert">
          {failure}
        </p>
      )}
      <OnlineData
        load={(e) => client.get(e.token, '/api/devices', deviceListResponseSchema)}
        deps={[changes]}
      >
        {({ enrolment, data }) => {
          const groups = physicalDevices(data.devices);
          // This app's own row is a session; "this device" is the physical device it is on.
          const own = data.devices.find((d) => d.id === enrolment.device.id);
          const thisDevice = own?.enrolledVia ?? enrolment.device.id;
          // Only the rows with a button: a signed-out tablet of the same name needs no number.
          const rows = groups.flatMap((g) => [
            ...(g.device.revokedAt === null && g.device.id !== thisDevice
              ? [{ row: g.device, label: t('devices.revokeFor', { device: g.device.name }) }]
              : []),
            ...g.sessions
              .filter((row) => row.revokedAt === null && row.id !== enrolment.device.id)
              .map((row) => ({
                row,
                label: t('devices.revokeSession', {
                  person: row.person.name,
                  device: g.device.name,
                }),
              })),
          ]);
          const labels = uniqueLabels(rows.map((r) => r.label));
          const labelOf = new Map(rows.map((r, i) => [r.row, labels[i]]));
          return (
            <>
              <EnrolmentCodeForm
                token={enrolment.token}
                onCreated={() => setChanges((n) => n + 1)}
              />
              <section aria-labelledby="devices-list-title">
                <h2 id="devices-list-title" tabIndex={-1} ref={listTitle}>
                  {t('devices.list.title')}
                </h2>
                {confirming && (
                  <section class="panel panel-warning" aria-labelledby="confirm-revoke-title">
                    <h3 id="confirm-revoke-title" tabIndex={-1} ref={confirmTitle}>
                      {t('devices.confirm.title', { device: confirming.name })}
                    </h3>
                    <p>{t('devices.confirm.body')}</p>
                    <div class="button-group">
                      <button
                        type="button"
                        class="button button-warning"
                        onClick={() => {
                          setConfirming(null);
                          listTitle.current?.focus();
                          void revoke(enrolment.token, confirming.id);
                        }}
                      >
                        {t('devices.confirm.yes')}
                      </button>
                      <button
                        type="button"
                        class="button button-secondary"
                        onClick={() => cancel(confirming)}
                      >
                        {t('devices.confirm.cancel')}
                      </button>
                    </div>
                  </section>
                )}
                {groups.length === 0 ? (
                  <p>{t('devices.none')}</p>
                ) : (
                  // Focusable and named: on a narrow screen the table scrolls sideways (WCAG 2.1.1).
                  <DataTable
                    columns={[
                      t('devices.table.device'),
                      t('devices.table.person'),
                      t('devices.table.lastSeen'),
                      t('devices.table.status'),
                    ]}
                    labelledBy="devices-list-title"
                  >
                    {groups.map(({ device, sessions }) => [
                      <tr key={device.id} data-device={device.id}>
                        <td>{device.name}</td>
                        <td>
                          {t('devices.enrolledBy', {
                            person: device.person.name,
                            role: t(`role.${device.person.role}`),
                          })}
                        </td>
                        <td>{lastSeen(device)}</td>
                        <td>
                          {revoked(device) ??
                            (device.id === thisDevice ? (
                              t('devices.thisDevice')
                            ) : (
                              <button
                                type="button"
                                id={`revoke-${device.id}`}
                                class="button button-secondary button-small"
                                aria-label={labelOf.get(device)}
                                onClick={() => setConfirming(device)}
                              >
                                {t('devices.revoke')}
                              </button>
                            ))}
                        </td>
                      </tr>,
                      ...sessions.map((session) => (
                        <tr key={session.id} data-device={session.id} data-session-of={device.id}>
                          <td>{t('devices.session', { device: device.name })}</td>
                          <td>{person(session)}</td>
                          <td>{lastSeen(session)}</td>
                          <td>
                            {revoked(session) ??
                              (session.id === enrolment.device.id ? (
                                t('devices.you')
                              ) : (
                                <button
                                  type="button"
                                  class="button button-secondary button-small"
                                  aria-label={labelOf.get(session)}
                                  onClick={() => void revoke(enrolment.token, session.id)}
                                >
                                  {t('devices.revoke')}
                                </button>
                              ))}
                          </td>
                        </tr>
                      )),
                    ])}
                  </DataTable>
                )}
              </section>
            </>
          );
        }}
      </OnlineData>
    </>
  );
}

function EnrolmentCodeForm({ token, onCreated }: { token: string; onCreated: () => void }) {
  const { t, locale } = useI18n();
  const { client } = useServices();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('outreach-worker');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<EnrolmentCodeResponse | null>(null);
  const nameError = errors.find((e) => e.field === 'personName')?.message;

  const submit = async (event: Event) => {
    event.preventDefault();
    const found =
      name.trim() === '' ? [{ field: 'personName', message: t('devices.code.personError') }] : [];
    setErrors(found);
    if (found.length > 0) return;
    try {
      setCreated(
        await client.post(
          token,
          '/api/enrolment-codes',
          { personName: name.trim(), role },
          enrolmentCodeResponseSchema,
        ),
      );
      setFailure(null);
      setName('');
      onCreated();
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    }
  };

  return (
    <section aria-labelledby="code-title">
      <h2 id="code-title">{t('devices.code.title')}</h2>
      <ErrorSummary errors={errors} />
      {failure && (
        <p class="error-message" role="alert">
          {failure}
        </p>
      )}
      {created && (
        <div class="panel panel-highlight" role="status">
          <p>{t('devices.code.result', { person: created.person.name })}</p>
          <p class="enrolment-code" data-code={created.code}>
            {created.code}
          </p>
          <p>{t('devices.code.expires', { time: formatDateTime(created.expiresAt, locale) })}</p>
          <p>{t('devices.code.scan')}</p>
          <QrCode
            value={`${location.origin}/?code=${encodeURIComponent(created.code)}`}
            label={t('devices.code.qr', { code: created.code })}
          />
        </div>
      )}
      <p>{t('devices.code.intro')}</p>
      <form onSubmit={submit} noValidate>
        <div class={nameError ? 'form-group form-group-error' : 'form-group'}>
          <label class="label" for="personName">
            {t('devices.code.person')}
          </label>
          {nameError && (
            <p class="error-message" id="personName-error">
              {nameError}
            </p>
          )}
          <input
            class="input"
            id="personName"
            type="text"
            autocomplete="off"
            value={name}
            aria-describedby={nameError ? 'personName-error' : undefined}
            aria-invalid={nameError ? true : undefined}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </div>
        <Radios
          name="role"
          legend={t('devices.code.role')}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          value={role}
          onChange={(v) => setRole(v as Role)}
        />
        <button type="submit" class="button">
          {t('devices.code.submit')}
        </button>
      </form>
    </section>
  );
}
