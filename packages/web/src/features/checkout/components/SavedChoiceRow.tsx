import { useState, type ReactNode, type RefObject } from 'react';
import { Icon, type IconName } from '../../../components/Icon';
import { Choice, SheetRow } from './SheetRow';

interface SavedChoiceRowProps<T extends { id: string }> {
  icon: IconName;
  label: string;
  /** The radio group's name. */
  name: string;
  items: T[];
  selectedId: string | null;
  onSelect(id: string): void;
  open: boolean;
  onToggle(): void;
  invalid: boolean;
  /** The closed row's line: the chosen item, or what is missing. */
  summary(selected: T | null): ReactNode;
  renderChoice(item: T): ReactNode;
  addLabel: string;
  addTitle: string;
  /** The add form; with nothing saved yet it cannot be cancelled. `added` closes it. */
  renderForm(form: { onCancel: (() => void) | undefined; added(): void }): ReactNode;
  chooser?: RefObject<HTMLFieldSetElement | null>;
}

/** A sheet row choosing one saved item (card, address), the default one chosen, and a new one added on the spot. */
export function SavedChoiceRow<T extends { id: string }>(props: SavedChoiceRowProps<T>) {
  const { icon, label, name, items, selectedId, onSelect, open, onToggle, invalid, summary, renderChoice, addLabel, addTitle, renderForm, chooser } = props;
  const [adding, setAdding] = useState(false);
  const selected = items.find((item) => item.id === selectedId) ?? null;
  const showForm = adding || items.length === 0;
  return (
    <SheetRow icon={icon} label={label} open={open} onToggle={onToggle} invalid={invalid} summary={summary(selected)}>
      {items.length > 0 && (
        <fieldset className="choices" ref={chooser} tabIndex={chooser ? -1 : undefined}>
          <legend className="visually-hidden">{label}</legend>
          {items.map((item) => (
            <Choice key={item.id} name={name} checked={item.id === selectedId} onChange={() => onSelect(item.id)}>
              {renderChoice(item)}
            </Choice>
          ))}
        </fieldset>
      )}
      {showForm ? (
        <div className="inline-panel">
          <h3>{addTitle}</h3>
          {renderForm({ onCancel: items.length > 0 ? () => setAdding(false) : undefined, added: () => setAdding(false) })}
        </div>
      ) : (
        <button type="button" className="button button-ghost add-inline" onClick={() => setAdding(true)}>
          <Icon name="plus" size={18} />
          {addLabel}
        </button>
      )}
    </SheetRow>
  );
}
