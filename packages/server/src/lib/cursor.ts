import { badRequest } from '../http/errors.js';

/** A position in a list ordered by (time, id), newest first: opaque to clients. */
export interface TimeCursor {
  at: number;
  id: string;
}

export const encodeCursor = (at: number, id: string): string => Buffer.from(`${at}:${id}`).toString('base64url');

/** Reads a cursor this server issued; anything else is a 400 naming query.cursor. */
export function decodeCursor(cursor: string | undefined): TimeCursor | undefined {
  if (cursor === undefined) return undefined;
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split(':');
  if (!at || !id || !/^\d+$/.test(at)) throw badRequest('invalid_field', 'query.cursor is not a cursor this server issued', 'query.cursor');
  return { at: Number(at), id };
}
