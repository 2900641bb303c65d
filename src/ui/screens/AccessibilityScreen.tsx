import { PageTitle } from '../components/PageTitle.tsx';
import { useI18n } from '../i18n/i18n.ts';
import { useContext } from 'preact/hooks';
import { ServicesContext } from '../services.ts';
import { useAsync } from '../use-async.ts';
import { statements, type Statement } from './statement.ts';

/**
 * The accessibility statement, in the language shown, naming the organisation this device is
 * enrolled with; until that is known (or when the device is not enrolled), a phrase that points
 * to the council that gave the person the app.
 */
export default function AccessibilityScreen() {
  const { locale } = useI18n();
  // Also shown while the app is locked (the link is on every screen): then nobody's settings
  // are open, and the organisation is not named.
  const settings = useContext(ServicesContext)?.settings;
  const enrolment = useAsync(async () => (await settings?.enrolment()) ?? null, [settings]);
  const statement = statementFor(locale);
  const name = enrolment.status === 'done' ? enrolment.value?.organisation.name.trim() : undefined;
  const fill = (text: string) =>
    text.replaceAll('{organisation}', name || statement.unknownOrganisation);
  return (
    <>
      <PageTitle focusKey="accessibility">{statement.title}</PageTitle>
      {statement.blocks.map((block, index) => {
        switch (block.kind) {
          case 'h2':
            return <h2 key={index}>{fill(block.text)}</h2>;
          case 'p':
            return <p key={index}>{fill(block.text)}</p>;
          case 'ul':
            return (
              <ul key={index}>
                {block.items.map((item, i) => (
                  <li key={i}>{fill(item)}</li>
                ))}
              </ul>
            );
        }
      })}
    </>
  );
}

/** English unless the page is in Welsh. */
function statementFor(locale: string): Statement {
  return locale === 'cy' ? statements.cy : statements.en;
}
