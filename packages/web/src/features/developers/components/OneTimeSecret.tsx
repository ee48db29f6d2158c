import { useId } from 'react';
import { useI18n } from '../../../lib/i18n';
import { CopyButton } from '../../../components/CopyButton';
import { Icon } from '../../../components/Icon';

/** A secret or token the server hands out once: only its hash is kept, so this is the one chance to copy it. */
export interface Revealed {
  appId: string;
  kind: 'secret' | 'token';
  value: string;
  /** For a token: the page it speaks for. */
  pageName?: string;
}

export function OneTimeSecret({ revealed, onDone }: { revealed: Revealed; onDone(): void }) {
  const { t } = useI18n();
  const id = useId();
  const title = revealed.kind === 'secret' ? t('dev.oneTimeSecret') : t('dev.oneTimeToken', { page: revealed.pageName ?? '' });
  const select = () => {
    const input = document.getElementById(id);
    if (input instanceof HTMLInputElement) input.select();
  };
  return (
    <div className="one-time" role="region" aria-label={title}>
      <div className="one-time-head">
        <Icon name="key" size={20} />
        <label htmlFor={id}>{title}</label>
      </div>
      <div className="copy-row">
        <input id={id} className="mono-input" readOnly value={revealed.value} dir="ltr" onFocus={(e) => e.currentTarget.select()} data-testid={`one-time-${revealed.kind}`} />
        <CopyButton value={revealed.value} fallback={select} />
      </div>
      <p className="one-time-warning">
        <Icon name="alert" size={16} />
        {t('dev.shownOnce')}
      </p>
      <button type="button" className="button button-ghost one-time-done" onClick={onDone}>
        {t('dev.done')}
      </button>
    </div>
  );
}
