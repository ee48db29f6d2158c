import { useId, useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { Icon } from '../../../components/Icon';

/** The link a merchant shares; whoever opens it lands in a conversation with the page. */
export function PageLink({ username }: { username: string }) {
  const { t } = useI18n();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const link = `${location.origin}/m/${username}`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
    } catch {
      // Clipboard access needs a secure context; selecting the text lets the merchant copy by hand.
      const input = document.getElementById(id);
      if (input instanceof HTMLInputElement) input.select();
      return;
    }
    setCopied(true);
    window.setTimeout(() => setCopied(false), 2000);
  };

  return (
    <div className="page-link">
      <label htmlFor={id}>{t('business.yourLink')}</label>
      <div className="page-link-row">
        <input id={id} readOnly value={link} dir="ltr" onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="button button-secondary" onClick={copy}>
          <Icon name="copy" size={18} />
          <span aria-live="polite">{copied ? t('business.copied') : t('business.copy')}</span>
        </button>
      </div>
    </div>
  );
}
