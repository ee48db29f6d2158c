import type { Migration } from 'kysely';
import * as foundation from './2026-11-25-01-foundation.js';

/** Every migration, in order. Names are dated; entries are never edited once shipped. */
export const migrations: Record<string, Migration> = {
  '2026-11-25-01-foundation': foundation,
};
