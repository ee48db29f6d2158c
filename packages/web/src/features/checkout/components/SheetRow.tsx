import { useId, type ReactNode } from 'react';
import { useI18n } from '../../../lib/i18n';
import { Icon, type IconName } from '../../../components/Icon';

interface SheetRowProps {
  icon: IconName;
  label: string;
  /** The current choice, shown while the row is closed. */
  summary: ReactNode;
  open: boolean;
  onToggle(): void;
  invalid?: boolean;
  children: ReactNode;
}

/** One requested item of the sheet: its current value on one line, the chooser under it when opened. */
export function SheetRow({ icon, label, summary, open, onToggle, invalid = false, children }: SheetRowProps) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section className={`sheet-row${open ? ' is-open' : ''}${invalid ? ' is-invalid' : ''}`} aria-labelledby={`${id}-label`}>
      <button type="button" className="sheet-row-head" aria-expanded={open} aria-controls={`${id}-panel`} onClick={onToggle}>
        <span className="sheet-row-icon" aria-hidden="true">
          <Icon name={icon} size={20} />
        </span>
        <span className="sheet-row-text">
          <span className="sheet-row-label" id={`${id}-label`}>
            {label}
          </span>
          <span className="sheet-row-summary">{summary}</span>
        </span>
        <span className="sheet-row-action">{open ? t('pay.collapse') : t('pay.change')}</span>
      </button>
      {open && (
        <div className="sheet-row-panel" id={`${id}-panel`}>
          {children}
        </div>
      )}
    </section>
  );
}

/** A radio choice drawn as a tappable row. */
export function Choice({ name, checked, onChange, children }: { name: string; checked: boolean; onChange(): void; children: ReactNode }) {
  return (
    <label className={`choice${checked ? ' is-selected' : ''}`}>
      <input type="radio" name={name} checked={checked} onChange={onChange} />
      <span className="choice-mark" aria-hidden="true" />
      <span className="choice-body">{children}</span>
    </label>
  );
}
