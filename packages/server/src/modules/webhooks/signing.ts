import { createHmac } from 'node:crypto';

/** JSON with every non-ASCII character as a \u escape (lower-case hex), as the Messenger Platform sends it. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Both signature headers, computed over the exact bytes that are sent. */
export function signatureHeaders(appSecret: string, body: string): Record<string, string> {
  return {
    'x-hub-signature': `sha1=${createHmac('sha1', appSecret).update(body).digest('hex')}`,
    'x-hub-signature-256': `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`,
  };
}
