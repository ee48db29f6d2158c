import type { BetaApplication } from '@tijara/protocol';

const rank: Record<BetaApplication['status'], number> = { pending: 0, approved: 1, rejected: 2 };

/** Pending first, oldest first (they have waited longest); then the decided ones, latest decision first. */
export function queueOrder(applications: readonly BetaApplication[]): BetaApplication[] {
  return [...applications].sort(
    (a, b) => rank[a.status] - rank[b.status] || (a.status === 'pending' ? a.appliedAt - b.appliedAt : (b.decidedAt ?? b.appliedAt) - (a.decidedAt ?? a.appliedAt)),
  );
}
