import type { BetaApplication } from '@tijara/protocol';
import { api, seg } from '../../../lib/api';

export interface LedgerCheck {
  ok: boolean;
  problems: string[];
}

/** Every application, newest first (operators only: others get 403 operator_only). */
export const listApplications = () => api.get<{ data: BetaApplication[] }>('/api/admin/payment-applications').then((list) => list.data);

export const decide = (appId: string, approve: boolean, note: string) =>
  api.post<BetaApplication>(`/api/admin/payment-applications/${seg(appId)}/decision`, note ? { approve, note } : { approve });

/** Do orders, payments, refunds and the ledger agree? */
export const checkLedger = () => api.get<LedgerCheck>('/api/admin/ledger-check');
