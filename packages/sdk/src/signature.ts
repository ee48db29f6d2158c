import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type HeaderBag = Readonly<Record<string, string | string[] | undefined>>;

/** A header by case-insensitive name; the first value when repeated. */
export function header(headers: HeaderBag, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

const forms = { sha256: /^sha256=([0-9a-f]{64})$/i, sha1: /^sha1=([0-9a-f]{40})$/i } as const;

export type SignatureCheck = { ok: true; algorithm: 'sha256' | 'sha1' } | { ok: false; reason: string };

/**
 * Checks `X-Hub-Signature-256` (sha256=<hex>) over the raw body bytes, or `X-Hub-Signature`
 * (sha1=<hex>) when only that one is sent (§5.5: 2016-era platforms sign with sha1 only). The
 * HMAC is over the bytes as received: re-serialized JSON would not match.
 *
 * @example
 * const check = verifySignature(appSecret, rawBody, req.headers)
 * if (!check.ok) return res.writeHead(403).end()
 */
export function verifySignature(appSecret: string, rawBody: Uint8Array | string, headers: HeaderBag): SignatureCheck {
  const sha256 = header(headers, 'x-hub-signature-256');
  const algorithm = sha256 !== undefined ? 'sha256' : 'sha1';
  const value = sha256 ?? header(headers, 'x-hub-signature');
  if (value === undefined) return { ok: false, reason: 'no X-Hub-Signature-256 or X-Hub-Signature header' };
  const hex = forms[algorithm].exec(value.trim())?.[1];
  if (hex === undefined) return { ok: false, reason: `malformed ${algorithm} signature header` };
  const expected = createHmac(algorithm, appSecret).update(rawBody).digest();
  // Both sides have the digest's length here (the pattern fixed it), as timingSafeEqual requires.
  if (!timingSafeEqual(Buffer.from(hex, 'hex'), expected)) {
    return { ok: false, reason: `${algorithm} signature does not match the body (is the app secret right?)` };
  }
  return { ok: true, algorithm };
}

/**
 * The two signature headers the platform sends with a body: for testing your bot without a server.
 * @example
 * await fetch('http://localhost:3001/webhook', { method: 'POST', body, headers: { ...signWebhookBody(appSecret, body), 'content-type': 'application/json' } })
 */
export function signWebhookBody(appSecret: string, rawBody: Uint8Array | string): { 'x-hub-signature': string; 'x-hub-signature-256': string } {
  return {
    'x-hub-signature': `sha1=${createHmac('sha1', appSecret).update(rawBody).digest('hex')}`,
    'x-hub-signature-256': `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`,
  };
}

/** Constant-time string equality, for the verify token (hashing first equalizes the lengths). */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}
