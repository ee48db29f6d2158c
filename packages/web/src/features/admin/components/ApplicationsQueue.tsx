import { useCallback, useEffect, useState } from 'react';
import type { BetaApplication } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/errors';
import { EmptyState } from '../../../components/EmptyState';
import { Spinner } from '../../../components/Spinner';
import { decide, listApplications } from '../api/admin';
import { ApplicationCard } from './ApplicationCard';
import { queueOrder } from './queueOrder';

export function ApplicationsQueue() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [applications, setApplications] = useState<BetaApplication[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    listApplications()
      .then((list) => {
        setApplications(list);
        setError(null);
      })
      .catch((failure: unknown) => setError(failure));
  }, []);
  useEffect(load, [load]);

  const onDecide = async (appId: string, approve: boolean, note: string) => {
    const decided = await decide(appId, approve, note);
    setApplications((list) => list?.map((a) => (a.appId === decided.appId ? decided : a)) ?? null);
  };

  const pending = applications?.filter((a) => a.status === 'pending').length ?? 0;
  return (
    <section className="card dev-section" aria-labelledby="queue-title">
      <div className="section-head">
        <h2 id="queue-title">{t('admin.queue')}</h2>
        {pending > 0 && <span className="pill pill-beta-pending">{t('admin.pendingCount', { count: pending })}</span>}
      </div>
      <p className="muted">{t('admin.queueBody')}</p>
      {applications === null && !error && <Spinner label={t('common.loading')} />}
      {error !== null && (
        <p className="form-error" role="alert">
          {errorText(error)}
        </p>
      )}
      {applications?.length === 0 && <EmptyState icon="shield" title={t('admin.noApplications')} />}
      {applications && applications.length > 0 && (
        <ul className="application-list">
          {queueOrder(applications).map((application) => (
            <ApplicationCard key={application.appId} application={application} onDecide={onDecide} />
          ))}
        </ul>
      )}
    </section>
  );
}
