import { useI18n } from '../../../lib/i18n';
import { ApplicationsQueue } from './ApplicationsQueue';
import { MoneyCheck } from './MoneyCheck';

/** `/admin`: the operator's console. */
export function AdminScreen() {
  const { t } = useI18n();
  return (
    <div className="dev-screen admin-screen">
      <header className="dev-intro">
        <h1>{t('admin.title')}</h1>
        <p>{t('admin.subtitle')}</p>
      </header>
      <MoneyCheck />
      <ApplicationsQueue />
    </div>
  );
}
