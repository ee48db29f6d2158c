import { useState } from 'react';
import type { Address, AddressBody } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { Icon } from '../../../components/Icon';
import { AddressForm } from '../../../components/payment/AddressForm';
import { addressLine } from '../../../components/payment/CardLabel';
import { Choice, SheetRow } from './SheetRow';

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
  const [adding, setAdding] = useState(false);
  const selected = addresses.find((a) => a.id === selectedId) ?? null;
  const showForm = adding || addresses.length === 0;
  return (
    <SheetRow
      icon="pin"
      label={t('pay.shipTo')}
      open={open}
      onToggle={onToggle}
      invalid={invalid}
      summary={
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
    >
      {addresses.length > 0 && (
        <fieldset className="choices">
          <legend className="visually-hidden">{t('pay.shipTo')}</legend>
          {addresses.map((address) => (
            <Choice key={address.id} name="address" checked={address.id === selectedId} onChange={() => onSelect(address.id)}>
              <span className="summary-strong">
                <bdi>{address.name}</bdi>
              </span>
              <span className="muted small">
                <bdi>{addressLine(address, locale)}</bdi>
              </span>
            </Choice>
          ))}
        </fieldset>
      )}
      {showForm ? (
        <div className="inline-panel">
          <h3>{t('address.addTitle')}</h3>
          <AddressForm
            name={name}
            onCancel={addresses.length > 0 ? () => setAdding(false) : undefined}
            onSave={async (body) => {
              await onAdd(body);
              setAdding(false);
            }}
          />
        </div>
      ) : (
        <button type="button" className="button button-ghost add-inline" onClick={() => setAdding(true)}>
          <Icon name="plus" size={18} />
          {t('address.add')}
        </button>
      )}
    </SheetRow>
  );
}
