import type { Migration } from 'kysely';
import * as foundation from './2026-11-25-01-foundation.js';
import * as botPlatform from './2026-11-25-02-bot-platform.js';
import * as payments from './2026-11-25-03-payments.js';

/** Every migration, in order. Names are dated; entries are never edited once shipped. */
export const migrations: Record<string, Migration> = {
  '2026-11-25-01-foundation': foundation,
  '2026-11-25-02-bot-platform': botPlatform,
  '2026-11-25-03-payments': payments,
};
