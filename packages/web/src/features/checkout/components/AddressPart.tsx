import type { Address, AddressBody } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { AddressForm } from '../../../components/payment/AddressForm';
import { addressLine } from '../../../components/payment/CardLabel';
import { SavedChoiceRow } from './SavedChoiceRow';

interface AddressPartProps {
  addresses: Address[];
  selectedId: string | null;
  onSelect(addressId: string): void;
  onAdd(body: AddressBody): Promise<unknown>;
  open: boolean;
  onToggle(): void;
  invalid: boolean;
  name: string;
}

/** Ship to: the saved addresses, the default one chosen, and a new one added on the spot. */
export function AddressPart({ addresses, selectedId, onSelect, onAdd, open, onToggle, invalid, name }: AddressPartProps) {
  const { t, locale } = useI18n();
  return (
    <SavedChoiceRow
      icon="pin"
      label={t('pay.shipTo')}
      name="address"
      items={addresses}
      selectedId={selectedId}
      onSelect={onSelect}
      open={open}
      onToggle={onToggle}
      invalid={invalid}
      summary={(selected) =>
        selected ? (
          <>
            <span className="line summary-strong" dir="auto">
              {selected.name}
            </span>
            <span className="line" dir="auto">
              {addressLine(selected, locale)}
            </span>
          </>
        ) : (
          <span className="summary-missing">{t('pay.missing.address')}</span>
        )
      }
      renderChoice={(address) => (
        <>
          <span className="summary-strong">
            <bdi>{address.name}</bdi>
          </span>
          <span className="muted small">
            <bdi>{addressLine(address, locale)}</bdi>
          </span>
        </>
      )}
      addLabel={t('address.add')}
      addTitle={t('address.addTitle')}
      renderForm={({ onCancel, added }) => (
        <AddressForm
          name={name}
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
