import type { RefObject } from 'react';
import type { AddCardBody, Card } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { CardForm } from '../../../components/payment/CardForm';
import { CardLabel } from '../../../components/payment/CardLabel';
import { SavedChoiceRow } from './SavedChoiceRow';

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
  return (
    <SavedChoiceRow
      icon="card"
      label={t('pay.payWith')}
      name="card"
      items={cards}
      selectedId={selectedId}
      onSelect={onSelect}
      open={open}
      onToggle={onToggle}
      invalid={invalid}
      chooser={chooser}
      summary={(selected) => (selected ? <CardLabel card={selected} /> : <span className="summary-missing">{t('pay.missing.card')}</span>)}
      renderChoice={(card) => (
        <span className="choice-line">
          <CardLabel card={card} />
          {declinedIds.has(card.id) && <span className="choice-flag">{t('pay.declinedTag')}</span>}
        </span>
      )}
      addLabel={t('card.add')}
      addTitle={t('card.addTitle')}
      renderForm={({ onCancel, added }) => (
        <CardForm
          holderName={holderName}
          submitLabel={t('card.saveAndUse')}
          onCancel={onCancel}
          onSave={async (body) => {
            await onAdd(body);
            added();
          }}
        />
      )}
    />
  );
}
