import { useState, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n';

interface ConfirmActionProps {
  /** The button that asks. */
  label: string;
  /** What happens, said before it happens. */
  question: ReactNode;
  /** The button that does it. */
  confirmLabel: string;
  onConfirm(): Promise<unknown> | void;
  danger?: boolean;
  className?: string;
}

/** A destructive action asked twice, inline (no window.confirm: it blocks the page and cannot be styled or translated). */
export function ConfirmAction({ label, question, confirmLabel, onConfirm, danger = true, className }: ConfirmActionProps) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);

  if (!asking) {
    return (
      <button type="button" className={`button ${danger ? 'button-danger-ghost' : 'button-secondary'} ${className ?? ''}`} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <div className="confirm" role="alertdialog" aria-label={label}>
      <p>{question}</p>
      <div className="confirm-actions">
        <button type="button" className={`button ${danger ? 'button-danger' : 'button-primary'}`} onClick={confirm} disabled={busy}>
          {confirmLabel}
        </button>
        <button type="button" className="button button-ghost" onClick={() => setAsking(false)} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
