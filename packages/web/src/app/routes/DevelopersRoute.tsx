import { useCallback, useState } from 'react';
import type { AppWithSecret } from '@tijara/protocol';
import { matchPath, navigate } from '../../lib/router';
import { AppList } from '../../features/developers/components/AppList';
import { AppDetail } from '../../features/developers/components/AppDetail';
import { appPath } from '../../features/developers/components/appStatus';
import type { Revealed } from '../../features/developers/components/OneTimeSecret';
import { Redirect } from '../Redirect';

/**
 * The developer console. The secret or token just issued lives here, above both screens, so the app
 * secret survives the move from the list (where the app is created) to the app's page.
 */
export function DevelopersRoute({ pathname }: { pathname: string }) {
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const created = useCallback((result: AppWithSecret) => {
    setRevealed({ appId: result.app.id, kind: 'secret', value: result.appSecret });
    navigate(appPath(result.app.id));
  }, []);

  if (pathname === '/developers') return <AppList onCreated={created} />;
  const detail = matchPath('/developers/apps/:appId', pathname);
  if (detail?.appId) return <AppDetail key={detail.appId} appId={detail.appId} revealed={revealed} onReveal={setRevealed} />;
  return <Redirect to="/developers" />;
}
