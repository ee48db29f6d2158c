import { randomBytes, randomInt } from 'node:crypto';

const crockford = '0123456789abcdefghjkmnpqrstvwxyz';
let lastTime = 0;
let lastRandom: Uint8Array = new Uint8Array(10);

/**
 * Internal ids: 26 characters, time-ordered (ULID layout, lower-case). Ids made in the same millisecond
 * by this process increase monotonically so that ordering by id matches creation order.
 */
export function newId(now = Date.now()): string {
  let random: Uint8Array;
  if (now <= lastTime) {
    random = Uint8Array.from(lastRandom);
    for (let i = random.length - 1; i >= 0; i--) {
      random[i] = (random[i]! + 1) & 0xff;
      if (random[i] !== 0) break;
    }
    now = lastTime;
  } else {
    random = new Uint8Array(randomBytes(10));
  }
  lastTime = now;
  lastRandom = random;
  let out = '';
  let time = now;
  for (let i = 0; i < 10; i++) {
    out = crockford[time % 32]! + out;
    time = Math.floor(time / 32);
  }
  let bits = 0;
  let value = 0;
  for (const byte of random) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += crockford[(value >>> (bits - 5)) & 31]!;
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/**
 * Messenger-style numeric ids (pages, apps, PSIDs): 16 digits starting 1–8, so they fit the 64-bit
 * columns bots store them in and stay below 2^53 where a payload carries one as a JSON number
 * (`app_id` in echoes). Uniqueness is enforced by the caller's table.
 */
export function newNumericId(): string {
  let digits = String(randomInt(1, 9));
  for (let i = 0; i < 15; i++) digits += String(randomInt(0, 10));
  return digits;
}

/** An unguessable token for sessions, CSRF and similar secrets. */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
