import type { DeveloperApp } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';

export const appPath = (appId: string): string => `/developers/apps/${encodeURIComponent(appId)}`;

export type WebhookState = 'none' | 'active' | 'failing' | 'disabled';

export function webhookState(app: DeveloperApp): WebhookState {
  const hook = app.webhook;
  if (!hook) return 'none';
  if (hook.disabledAt !== null) return 'disabled';
  return hook.failingSince !== null ? 'failing' : 'active';
}

export function WebhookPill({ app }: { app: DeveloperApp }) {
  const { t } = useI18n();
  const state = webhookState(app);
  const label = { none: t('dev.webhookOff'), active: t('dev.webhookOn'), failing: t('dev.webhookFailing'), disabled: t('dev.webhookDisabled') }[state];
  return <span className={`pill pill-${state}`}>{label}</span>;
}
