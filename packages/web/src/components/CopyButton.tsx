import { useState } from 'react';
import { useI18n } from '../lib/i18n';
import { Icon } from './Icon';

/** Copies `value`; where the clipboard is unavailable (plain-HTTP LAN address), `fallback` selects it for a manual copy. */
export function CopyButton({ value, label, fallback }: { value: string; label?: string; fallback?(): void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      fallback?.();
      return;
    }
    setCopied(true);
    window.setTimeout(() => setCopied(false), 2000);
  };
  return (
    <button type="button" className="button button-secondary" onClick={copy} aria-label={label ? `${t('common.copy')}: ${label}` : undefined}>
      <Icon name="copy" size={18} />
      <span aria-live="polite">{copied ? t('common.copied') : t('common.copy')}</span>
    </button>
  );
}
