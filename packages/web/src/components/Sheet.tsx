import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n';
import { Icon } from './Icon';

interface SheetProps {
  /** The dialog's accessible name. */
  label: string;
  /** Shown in the sheet's header. */
  title: ReactNode;
  onClose(): void;
  /** While true (a payment under way) neither Escape nor the backdrop closes it. */
  locked?: boolean;
  children: ReactNode;
  footer?: ReactNode;
}

/**
 * A bottom sheet on phones, a centred modal on wider screens. The native <dialog> opened with
 * showModal() gives the top layer, the inert page behind, focus containment and Escape for free.
 */
export function Sheet({ label, title, onClose, locked = false, children, footer }: SheetProps) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const lockedRef = useRef(locked);
  useLayoutEffect(() => {
    lockedRef.current = locked;
  });

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (!el.open) el.showModal();
    return () => el.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="sheet"
      aria-label={label}
      onCancel={(event) => {
        event.preventDefault();
        if (!lockedRef.current) onClose();
      }}
      onClick={(event) => {
        // A click on the dialog element itself is a click on the backdrop around the panel.
        if (event.target === event.currentTarget && !lockedRef.current) onClose();
      }}
    >
      <div className="sheet-panel">
        <header className="sheet-header">
          <span className="sheet-grip" aria-hidden="true" />
          <div className="sheet-title">{title}</div>
          <button type="button" className="icon-button" onClick={onClose} disabled={locked} aria-label={t('common.close')}>
            <Icon name="close" />
          </button>
        </header>
        <div className="sheet-body">{children}</div>
        {footer && <footer className="sheet-footer">{footer}</footer>}
      </div>
    </dialog>
  );
}
