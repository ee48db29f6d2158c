import type { Address } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { AddressForm } from '../../../components/payment/AddressForm';
import { addressLine } from '../../../components/payment/CardLabel';
import { addAddress, makeDefaultAddress, removeAddress } from '../api/wallet';
import { SavedListSection } from './SavedList';

export function AddressesSection({ addresses, name, onChanged }: { addresses: Address[]; name: string; onChanged(): Promise<unknown> }) {
  const { t, locale } = useI18n();
  return (
    <SavedListSection
      items={addresses}
      titleId="addresses-title"
      title={t('wallet.addresses')}
      addLabel={t('address.add')}
      addTitle={t('address.addTitle')}
      emptyIcon="pin"
      emptyText={t('wallet.noAddresses')}
      renderItem={(address) => (
        <span className="saved-text">
          <span className="saved-title">
            <bdi>{address.name}</bdi>
          </span>
          <span className="muted small">
            <bdi>{addressLine(address, locale)}</bdi>
          </span>
        </span>
      )}
      removeQuestion={() => t('address.removeConfirm')}
      makeDefault={makeDefaultAddress}
      remove={removeAddress}
      onChanged={onChanged}
      renderForm={({ offerDefault, first, onCancel, saved }) => (
        <AddressForm
          name={name}
          offerDefault={offerDefault}
          onCancel={onCancel}
          onSave={async (body) => {
            // As for cards: an explicit first default is not displaced by an address added at a checkout.
            await addAddress(first ? { ...body, makeDefault: true } : body);
            await saved();
          }}
        />
      )}
    />
  );
}
