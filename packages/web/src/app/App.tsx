import { I18nProvider } from '../lib/i18n';
import { SessionProvider, useSession } from '../lib/session';
import { RealtimeProvider } from '../lib/realtime-context';
import { Header } from './Header';
import { ReconnectingBanner } from './ReconnectingBanner';
import { AppRoutes } from './AppRoutes';
import { DeliveryReceipts } from './DeliveryReceipts';
import { LocaleSync } from './LocaleSync';

function Shell() {
  const { session } = useSession();
  return (
    <RealtimeProvider enabled={Boolean(session)}>
      {session && <LocaleSync />}
      {session && <DeliveryReceipts key={session.account.id} session={session} />}
      <div className="app">
        <Header />
        {session && <ReconnectingBanner />}
        <main className="app-main">
          <AppRoutes />
        </main>
      </div>
    </RealtimeProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </I18nProvider>
  );
}
