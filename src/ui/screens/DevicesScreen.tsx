import { useState } from 'preact/hooks';
import { ROLES, type Role } from '../../shared/protocol.ts';
import {
  deviceListResponseSchema,
  enrolmentCodeResponseSchema,
  revokeResponseSchema,
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

/** For coordinators: enrol devices with one-time codes, and sign devices out. */
export default function DevicesScreen() {
  const { t, locale } = useI18n();
  const { client } = useServices();
  const [changes, setChanges] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);

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
        {({ enrolment, data }) => (
          <>
            <EnrolmentCodeForm token={enrolment.token} onCreated={() => setChanges((n) => n + 1)} />
            <section aria-labelledby="devices-list-title">
              <h2 id="devices-list-title">{t('devices.list.title')}</h2>
              {data.devices.length === 0 ? (
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
                  {data.devices.map((d) => (
                    <tr key={d.id} data-device={d.id}>
                      <td>{d.name}</td>
                      <td>
                        {d.person.name} ({t(`role.${d.person.role}`)})
                      </td>
                      <td>
                        {d.lastSeenAt ? formatDateTime(d.lastSeenAt, locale) : t('devices.never')}
                      </td>
                      <td>
                        {d.revokedAt ? (
                          t('devices.revoked', {
                            time: formatDateTime(d.revokedAt, locale),
                          })
                        ) : d.id === enrolment.device.id ? (
                          t('devices.active')
                        ) : (
                          <button
                            type="button"
                            class="button button-secondary button-small"
                            aria-label={t('devices.revokeFor', { device: d.name })}
                            onClick={() => void revoke(enrolment.token, d.id)}
                          >
                            {t('devices.revoke')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </DataTable>
              )}
            </section>
          </>
        )}
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
            value={`${location.origin}/enrol?code=${encodeURIComponent(created.code)}`}
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
