import { useI18n } from '../../../lib/i18n';
import { CopyButton } from '../../../components/CopyButton';

/** Where the Graph API is and one call that works, so a developer can try a token straight away. */
export function GettingStarted() {
  const { t } = useI18n();
  const origin = location.origin;
  const curl = `curl -X POST "${origin}/v6.0/me/messages?access_token=TOKEN" -H 'content-type: application/json' -d '{"recipient":{"id":"PSID"},"message":{"text":"hello"}}'`;
  return (
    <section className="card dev-section getting-started" aria-labelledby="getting-started-title">
      <h2 id="getting-started-title">{t('dev.gettingStarted')}</h2>
      <p className="muted">{t('dev.gettingStartedBody')}</p>
      <dl className="facts">
        <div>
          <dt>{t('dev.graphBase')}</dt>
          <dd>
            <code dir="ltr">{origin}</code>
          </dd>
        </div>
      </dl>
      <div className="code-block">
        <div className="code-block-head">
          <span>{t('dev.curlLabel')}</span>
          <CopyButton value={curl} label={t('dev.curlLabel')} />
        </div>
        <pre dir="ltr">
          <code>{curl}</code>
        </pre>
      </div>
    </section>
  );
}
