import type { Card } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { CardForm } from '../../../components/payment/CardForm';
import { CardLabel } from '../../../components/payment/CardLabel';
import { addCard, makeDefaultCard, removeCard } from '../api/wallet';
import { SavedListSection } from './SavedList';

/** Saved cards: brand, last four, expiry; the default one first in the checkout sheet. */
export function CardsSection({ cards, holderName, onChanged }: { cards: Card[]; holderName: string; onChanged(): Promise<unknown> }) {
  const { t } = useI18n();
  return (
    <SavedListSection
      items={cards}
      titleId="cards-title"
      title={t('wallet.cards')}
      addLabel={t('card.add')}
      addTitle={t('card.addTitle')}
      emptyIcon="card"
      emptyText={t('wallet.noCards')}
      renderItem={(card) => <CardLabel card={card} />}
      removeQuestion={(card) => t('card.removeConfirm', { last4: card.last4 })}
      makeDefault={makeDefaultCard}
      remove={removeCard}
      onChanged={onChanged}
      renderForm={({ offerDefault, first, onCancel, saved }) => (
        <CardForm
          offerDefault={offerDefault}
          holderName={holderName}
          onCancel={onCancel}
          onSave={async (body) => {
            // The first card is made the default outright: with no default picked the server takes
            // the newest, and a card added later at a checkout would silently take its place.
            await addCard(first ? { ...body, makeDefault: true } : body);
            await saved();
          }}
        />
      )}
    />
  );
}
