import { useCallback, useEffect, useState } from 'react';
import type { Wallet } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/errors';
import { EmptyState } from '../../../components/EmptyState';
import { Spinner } from '../../../components/Spinner';
import { getWallet } from '../api/wallet';
import { AddressesSection } from './AddressesSection';
import { CardsSection } from './CardsSection';
import { ContactSection } from './ContactSection';

/** `/wallet`: what the shopper saved once so that paying takes two taps. */
export function WalletScreen() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [wallet, setWallet] = useState<Wallet | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(
    () =>
      getWallet()
        .then((loaded) => {
          setWallet(loaded);
          setError(null);
        })
        .catch((failure: unknown) => setError(failure)),
    [],
  );
  useEffect(() => {
    void reload();
  }, [reload]);

  if (!wallet) {
    return error ? (
      <EmptyState icon="alert" title={t('wallet.loadFailed')}>
        <p>{errorText(error)}</p>
        <button type="button" className="button button-primary" onClick={() => void reload()}>
          {t('common.retry')}
        </button>
      </EmptyState>
    ) : (
      <Spinner label={t('common.loading')} />
    );
  }

  return (
    <div className="dev-screen wallet-screen">
      <header className="dev-intro">
        <h1>{t('wallet.title')}</h1>
        <p>{t('wallet.subtitle')}</p>
      </header>
      <CardsSection cards={wallet.cards} holderName={wallet.contact?.name ?? ''} onChanged={reload} />
      <AddressesSection addresses={wallet.addresses} name={wallet.contact?.name ?? ''} onChanged={reload} />
      <ContactSection contact={wallet.contact} onSaved={(contact) => setWallet({ ...wallet, contact })} />
    </div>
  );
}
