import { randomBytes, randomInt } from 'node:crypto';
import * as openpgp from 'openpgp';
import { luhnValid } from '../../wallet/cards.js';
import type { ChargeOutcome, ChargeRequest, PaymentProvider, RefundOutcome } from './provider.js';

/** A single-use card credential handed to the merchant instead of a charge. */
export interface MintedCard {
  /** 16 digits, Luhn-valid. */
  number: string;
  /** 3 digits. */
  cvv: string;
  expMonth: number;
  expYear: number;
}

export interface TokenProviderOptions {
  /** The page's `payment_settings.public_key`: an ASCII-armored OpenPGP public key block. */
  publicKeyArmored: string;
  /** Makes the credential; by default a fresh virtual Discover number expiring in a year. */
  mintCard?: (request: ChargeRequest) => MintedCard;
}

/** Idempotency replay is kept in memory, bounded; the caller's payments table is the durable record. */
const rememberedOutcomes = 10_000;

/**
 * The tokenized path (`provider_type: "token"`): the platform charges nothing. It mints a
 * single-use card, encrypts its number and CVV to the page's OpenPGP public key, and the merchant
 * decrypts them and charges the card through a processor of its own.
 *
 * Rejects (with a message saying what is wrong with the key) a key that is not an armored public
 * key, is a private key, has expired or cannot encrypt.
 *
 * @example
 * const provider = await createTokenProvider({ publicKeyArmored: settings.public_key });
 * const outcome = await provider.charge(request);
 * if (outcome.ok) webhook.payment_credential = { ...outcome.credential, fb_payment_id };
 */
export async function createTokenProvider(options: TokenProviderOptions): Promise<PaymentProvider> {
  const encryptionKey = await readPaymentPublicKey(options.publicKeyArmored);
  const mintCard = options.mintCard ?? mintVirtualCard;
  // A double tap or retry shares the first attempt: the same token, never a second card.
  const outcomes = new Map<string, Promise<ChargeOutcome>>();

  const mint = async (request: ChargeRequest): Promise<ChargeOutcome> => {
    const card = mintCard(request);
    const [tokenizedCard, tokenizedCvv] = await Promise.all([encryptTo(encryptionKey, card.number), encryptTo(encryptionKey, card.cvv)]);
    return {
      ok: true,
      reference: `tok_${randomBytes(12).toString('hex')}`,
      providerType: 'token',
      credential: {
        provider_type: 'token',
        tokenized_card: tokenizedCard,
        tokenized_cvv: tokenizedCvv,
        token_expiry_month: String(card.expMonth),
        token_expiry_year: String(card.expYear),
      },
    };
  };

  return {
    type: 'token',
    charge(request) {
      const known = outcomes.get(request.idempotencyKey);
      if (known) return known;
      const outcome = mint(request);
      outcomes.set(request.idempotencyKey, outcome);
      // A failed attempt is not remembered, so a retry can succeed.
      outcome.catch(() => outcomes.delete(request.idempotencyKey));
      if (outcomes.size > rememberedOutcomes) outcomes.delete(outcomes.keys().next().value!);
      return outcome;
    },
    async refund(): Promise<RefundOutcome> {
      return { ok: false, code: 'refund_failed', message: 'Tokenized payments are refunded by the merchant through the processor that charged the token' };
    },
  };
}

/**
 * Reads and checks a page's payment public key; throws an Error whose message says what is wrong.
 * Usable on its own to validate `payment_settings.public_key` when it is saved.
 */
export async function readPaymentPublicKey(armored: string): Promise<openpgp.PublicKey> {
  if (/-----BEGIN PGP PRIVATE KEY BLOCK-----/.test(armored)) {
    throw new Error('The key is a PGP private key; register only the public key (-----BEGIN PGP PUBLIC KEY BLOCK-----) and keep the private key secret');
  }
  let key: openpgp.Key;
  try {
    key = await openpgp.readKey({ armoredKey: armored });
  } catch (error) {
    throw new Error(`The key is not an ASCII-armored OpenPGP public key (-----BEGIN PGP PUBLIC KEY BLOCK----- …): ${(error as Error).message}`);
  }
  if (key.isPrivate()) throw new Error('The key is a PGP private key; register only the public key and keep the private key secret');
  const expires = await key.getExpirationTime();
  if (expires instanceof Date && expires.getTime() <= Date.now()) {
    throw new Error(`The public key expired on ${expires.toISOString().slice(0, 10)}; extend its expiry or register a new key`);
  }
  try {
    await key.getEncryptionKey();
    await encryptTo(key, 'check');
  } catch (error) {
    throw new Error(`The public key cannot encrypt (it may be revoked, signing-only or too weak): ${(error as Error).message}`);
  }
  return key;
}

function encryptTo(key: openpgp.PublicKey, text: string): Promise<string> {
  return openpgp.createMessage({ text }).then((message) => openpgp.encrypt({ message, encryptionKeys: key, format: 'armored' }));
}

/** A virtual Discover card (the range the original tokenized cards came from), valid for a year. */
export function mintVirtualCard(request: ChargeRequest, now = new Date()): MintedCard {
  let number: string;
  do {
    let body = '6011';
    for (let i = 0; i < 11; i++) body += String(randomInt(0, 10));
    number = body + checkDigit(body);
  } while (number === request.card.number);
  return { number, cvv: String(randomInt(0, 1000)).padStart(3, '0'), expMonth: now.getUTCMonth() + 1, expYear: now.getUTCFullYear() + 1 };
}

function checkDigit(body: string): string {
  for (let digit = 0; digit < 10; digit++) if (luhnValid(body + digit)) return String(digit);
  throw new Error('unreachable: one check digit always fits');
}
