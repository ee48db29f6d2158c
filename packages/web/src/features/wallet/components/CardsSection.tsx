import { useState } from 'react';
import type { Card } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/errors';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { Icon } from '../../../components/Icon';
import { CardForm } from '../../../components/payment/CardForm';
import { CardLabel } from '../../../components/payment/CardLabel';
import { addCard, makeDefaultCard, removeCard } from '../api/wallet';

/** Saved cards: brand, last four, expiry; the default one first in the checkout sheet. */
export function CardsSection({ cards, holderName, onChanged }: { cards: Card[]; holderName: string; onChanged(): Promise<unknown> }) {
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
    <section className="card dev-section" aria-labelledby="cards-title">
      <div className="section-head">
        <h2 id="cards-title">{t('wallet.cards')}</h2>
        {!adding && cards.length > 0 && (
          <button type="button" className="button button-secondary" onClick={() => setAdding(true)}>
            <Icon name="plus" size={18} />
            {t('card.add')}
          </button>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {cards.length === 0 && !adding && (
        <div className="section-empty">
          <Icon name="card" size={28} />
          <p>{t('wallet.noCards')}</p>
          <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
            <Icon name="plus" size={18} />
            {t('card.add')}
          </button>
        </div>
      )}
      {cards.length > 0 && (
        <ul className="saved-list">
          {cards.map((card) => (
            <li key={card.id} className="saved-row">
              <CardLabel card={card} />
              <div className="saved-actions">
                {card.isDefault ? (
                  <span className="pill pill-active">{t('wallet.default')}</span>
                ) : (
                  <button type="button" className="button button-ghost button-small" onClick={() => act(() => makeDefaultCard(card.id))}>
                    {t('wallet.makeDefault')}
                  </button>
                )}
                <ConfirmAction
                  className="button-small"
                  label={t('wallet.remove')}
                  question={t('card.removeConfirm', { last4: card.last4 })}
                  confirmLabel={t('wallet.removeNow')}
                  onConfirm={() => act(() => removeCard(card.id))}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      {adding && (
        <div className="inline-panel">
          <h3>{t('card.addTitle')}</h3>
          <CardForm
            offerDefault={cards.length > 0}
            holderName={holderName}
            onCancel={() => setAdding(false)}
            onSave={async (body) => {
              // The first card is made the default outright: with no default picked the server takes
              // the newest, and a card added later at a checkout would silently take its place.
              await addCard(cards.length === 0 ? { ...body, makeDefault: true } : body);
              setAdding(false);
              await onChanged();
            }}
          />
        </div>
      )}
    </section>
  );
}
