/**
 * Bot-supplied URLs become links only when they are http(s): a `javascript:` or `data:` URL must never
 * reach an href or a src, whatever the server let through.
 */
export function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A `tel:` href for an E.164 number ("+16505551234"), or null for anything else. */
export function telHref(value: unknown): string | null {
  return typeof value === 'string' && /^\+[0-9]{5,15}$/.test(value) ? `tel:${value}` : null;
}
