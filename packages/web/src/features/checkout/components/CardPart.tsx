import { useState, type RefObject } from 'react';
import type { AddCardBody, Card } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { Icon } from '../../../components/Icon';
import { CardForm } from '../../../components/payment/CardForm';
import { CardLabel } from '../../../components/payment/CardLabel';
import { Choice, SheetRow } from './SheetRow';

interface CardPartProps {
  cards: Card[];
  selectedId: string | null;
  onSelect(cardId: string): void;
  onAdd(body: AddCardBody): Promise<unknown>;
  open: boolean;
  onToggle(): void;
  invalid: boolean;
  holderName: string;
  /** The chooser, focused after a decline so the shopper picks another card. */
  chooser: RefObject<HTMLFieldSetElement | null>;
  /** Cards declined during this checkout: marked so the shopper picks another. */
  declinedIds: ReadonlySet<string>;
}

/** Pay with: the saved cards, the default one chosen, and a new one added (and saved to the wallet) on the spot. */
export function CardPart({ cards, selectedId, onSelect, onAdd, open, onToggle, invalid, holderName, chooser, declinedIds }: CardPartProps) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const selected = cards.find((c) => c.id === selectedId) ?? null;
  const showForm = adding || cards.length === 0;
  return (
    <SheetRow
      icon="card"
      label={t('pay.payWith')}
      open={open}
      onToggle={onToggle}
      invalid={invalid}
      summary={selected ? <CardLabel card={selected} /> : <span className="summary-missing">{t('pay.missing.card')}</span>}
    >
      {cards.length > 0 && (
        <fieldset className="choices" ref={chooser} tabIndex={-1}>
          <legend className="visually-hidden">{t('pay.payWith')}</legend>
          {cards.map((card) => (
            <Choice key={card.id} name="card" checked={card.id === selectedId} onChange={() => onSelect(card.id)}>
              <span className="choice-line">
                <CardLabel card={card} />
                {declinedIds.has(card.id) && <span className="choice-flag">{t('pay.declinedTag')}</span>}
              </span>
            </Choice>
          ))}
        </fieldset>
      )}
      {showForm ? (
        <div className="inline-panel">
          <h3>{t('card.addTitle')}</h3>
          <CardForm
            holderName={holderName}
            submitLabel={t('card.saveAndUse')}
            onCancel={cards.length > 0 ? () => setAdding(false) : undefined}
            onSave={async (body) => {
              await onAdd(body);
              setAdding(false);
            }}
          />
        </div>
      ) : (
        <button type="button" className="button button-ghost add-inline" onClick={() => setAdding(true)}>
          <Icon name="plus" size={18} />
          {t('card.add')}
        </button>
      )}
    </SheetRow>
  );
}
