import { useState, type ReactNode } from 'react';
import { useI18n } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/errors';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { Icon, type IconName } from '../../../components/Icon';

interface SavedItem {
  id: string;
  isDefault: boolean;
}

interface SavedListSectionProps<T extends SavedItem> {
  items: T[];
  titleId: string;
  title: string;
  addLabel: string;
  addTitle: string;
  emptyIcon: IconName;
  emptyText: string;
  /** What a row shows of the item. */
  renderItem(item: T): ReactNode;
  removeQuestion(item: T): string;
  makeDefault(id: string): Promise<unknown>;
  remove(id: string): Promise<unknown>;
  /** The add form; `saved` closes it and reloads. */
  renderForm(form: { offerDefault: boolean; first: boolean; onCancel(): void; saved(): Promise<void> }): ReactNode;
  onChanged(): Promise<unknown>;
}

/** A wallet section of saved things (cards, addresses): one default, each removable, a new one added inline. */
export function SavedListSection<T extends SavedItem>(props: SavedListSectionProps<T>) {
  const { items, titleId, title, addLabel, addTitle, emptyIcon, emptyText, renderItem, removeQuestion, makeDefault, remove, renderForm, onChanged } = props;
  const { t } = useI18n();
  const errorText = useErrorText();
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(errorText(failure));
    }
    await onChanged();
  };

  return (
    <section className="card dev-section" aria-labelledby={titleId}>
      <div className="section-head">
        <h2 id={titleId}>{title}</h2>
        {!adding && items.length > 0 && (
          <button type="button" className="button button-secondary" onClick={() => setAdding(true)}>
            <Icon name="plus" size={18} />
            {addLabel}
          </button>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {items.length === 0 && !adding && (
        <div className="section-empty">
          <Icon name={emptyIcon} size={28} />
          <p>{emptyText}</p>
          <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
            <Icon name="plus" size={18} />
            {addLabel}
          </button>
        </div>
      )}
      {items.length > 0 && (
        <ul className="saved-list">
          {items.map((item) => (
            <li key={item.id} className="saved-row">
              {renderItem(item)}
              <div className="saved-actions">
                {item.isDefault ? (
                  <span className="pill pill-active">{t('wallet.default')}</span>
                ) : (
                  <button type="button" className="button button-ghost button-small" onClick={() => act(() => makeDefault(item.id))}>
                    {t('wallet.makeDefault')}
                  </button>
                )}
                <ConfirmAction
                  className="button-small"
                  label={t('wallet.remove')}
                  question={removeQuestion(item)}
                  confirmLabel={t('wallet.removeNow')}
                  onConfirm={() => act(() => remove(item.id))}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      {adding && (
        <div className="inline-panel">
          <h3>{addTitle}</h3>
          {renderForm({
            offerDefault: items.length > 0,
            first: items.length === 0,
            onCancel: () => setAdding(false),
            saved: async () => {
              setAdding(false);
              await onChanged();
            },
          })}
        </div>
      )}
    </section>
  );
}
