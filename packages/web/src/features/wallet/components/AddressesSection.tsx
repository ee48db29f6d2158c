import { useState } from 'react';
import type { Address } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/errors';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { Icon } from '../../../components/Icon';
import { AddressForm } from '../../../components/payment/AddressForm';
import { addressLine } from '../../../components/payment/CardLabel';
import { addAddress, makeDefaultAddress, removeAddress } from '../api/wallet';

export function AddressesSection({ addresses, name, onChanged }: { addresses: Address[]; name: string; onChanged(): Promise<unknown> }) {
  const { t, locale } = useI18n();
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
    <section className="card dev-section" aria-labelledby="addresses-title">
      <div className="section-head">
        <h2 id="addresses-title">{t('wallet.addresses')}</h2>
        {!adding && addresses.length > 0 && (
          <button type="button" className="button button-secondary" onClick={() => setAdding(true)}>
            <Icon name="plus" size={18} />
            {t('address.add')}
          </button>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {addresses.length === 0 && !adding && (
        <div className="section-empty">
          <Icon name="pin" size={28} />
          <p>{t('wallet.noAddresses')}</p>
          <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
            <Icon name="plus" size={18} />
            {t('address.add')}
          </button>
        </div>
      )}
      {addresses.length > 0 && (
        <ul className="saved-list">
          {addresses.map((address) => (
            <li key={address.id} className="saved-row">
              <span className="saved-text">
                <span className="saved-title">
                  <bdi>{address.name}</bdi>
                </span>
                <span className="muted small">
                  <bdi>{addressLine(address, locale)}</bdi>
                </span>
              </span>
              <div className="saved-actions">
                {address.isDefault ? (
                  <span className="pill pill-active">{t('wallet.default')}</span>
                ) : (
                  <button type="button" className="button button-ghost button-small" onClick={() => act(() => makeDefaultAddress(address.id))}>
                    {t('wallet.makeDefault')}
                  </button>
                )}
                <ConfirmAction
                  className="button-small"
                  label={t('wallet.remove')}
                  question={t('address.removeConfirm')}
                  confirmLabel={t('wallet.removeNow')}
                  onConfirm={() => act(() => removeAddress(address.id))}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      {adding && (
        <div className="inline-panel">
          <h3>{t('address.addTitle')}</h3>
          <AddressForm
            name={name}
            offerDefault={addresses.length > 0}
            onCancel={() => setAdding(false)}
            onSave={async (body) => {
              // As for cards: an explicit first default is not displaced by an address added at a checkout.
              await addAddress(addresses.length === 0 ? { ...body, makeDefault: true } : body);
              setAdding(false);
              await onChanged();
            }}
          />
        </div>
      )}
    </section>
  );
}
