import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { before, test } from 'node:test';
import * as openpgp from 'openpgp';
import { luhnValid } from '../../wallet/cards.js';
import type { RevealedCard } from '../../wallet/wallet.service.js';
import type { ChargeRequest } from './provider.js';
import { createTokenProvider, readPaymentPublicKey } from './token.js';

const shopperCard: RevealedCard = { id: 'card_test', number: '4242424242424242', brand: 'visa', last4: '4242', expMonth: 12, expYear: new Date().getUTCFullYear() + 2, holderName: 'Ada Shopper', postalCode: '94025' };
const chargeOf = (overrides: Partial<ChargeRequest> = {}): ChargeRequest => ({ idempotencyKey: `pay_${randomUUID()}`, amount: 2999, currency: 'USD', card: shopperCard, description: 'Order 42', ...overrides });

let keys: { publicKey: string; privateKey: string };
before(async () => {
  keys = await openpgp.generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ name: 'Shop' }] });
});

async function decrypt(armored: string | null | undefined, privateKeyArmored = keys.privateKey): Promise<string> {
  assert.equal(typeof armored, 'string');
  const message = await openpgp.readMessage({ armoredMessage: armored! });
  const { data } = await openpgp.decrypt({ message, decryptionKeys: await openpgp.readPrivateKey({ armoredKey: privateKeyArmored }) });
  return data as string;
}

test('a token payment hands the merchant a single-use card, encrypted to the page\'s key, and charges nothing', async () => {
  const provider = await createTokenProvider({ publicKeyArmored: keys.publicKey });
  assert.equal(provider.type, 'token');
  const outcome = await provider.charge(chargeOf());
  assert.ok(outcome.ok, JSON.stringify(outcome));
  assert.match(outcome.reference, /^tok_[0-9a-f]{24}$/);
  assert.equal(outcome.providerType, 'token');
  const credential = outcome.credential!;
  assert.deepEqual(Object.keys(credential).sort(), ['provider_type', 'token_expiry_month', 'token_expiry_year', 'tokenized_card', 'tokenized_cvv']);
  assert.equal(credential.provider_type, 'token');
  assert.match(credential.tokenized_card!, /^-----BEGIN PGP MESSAGE-----/);
  assert.match(credential.tokenized_cvv!, /^-----BEGIN PGP MESSAGE-----/);

  const number = await decrypt(credential.tokenized_card);
  assert.match(number, /^6011\d{12}$/, 'a 16-digit virtual Discover number');
  assert.ok(luhnValid(number), `${number} passes Luhn`);
  assert.notEqual(number, shopperCard.number);
  assert.match(await decrypt(credential.tokenized_cvv), /^\d{3}$/);

  const now = new Date();
  assert.equal(credential.token_expiry_month, String(now.getUTCMonth() + 1));
  assert.equal(credential.token_expiry_year, String(now.getUTCFullYear() + 1));
  assert.ok(!JSON.stringify(outcome).includes(shopperCard.number), 'the shopper\'s number is nowhere in the outcome');
});

test('every payment gets its own token, and a retry with the same key gets the same one', async () => {
  const provider = await createTokenProvider({ publicKeyArmored: keys.publicKey });
  const request = chargeOf();
  const [first, raced] = await Promise.all([provider.charge(request), provider.charge(request)]);
  const again = await provider.charge(request);
  assert.deepEqual(raced, first);
  assert.deepEqual(again, first);
  const other = await provider.charge(chargeOf());
  assert.ok(first.ok && other.ok);
  assert.notEqual(other.reference, first.reference);
  assert.notEqual(await decrypt(other.credential?.tokenized_card), await decrypt(first.credential?.tokenized_card));
});

test('the minted card can be supplied, for test payments with documented values', async () => {
  const provider = await createTokenProvider({ publicKeyArmored: keys.publicKey, mintCard: () => ({ number: '4111111111111111', cvv: '123', expMonth: 11, expYear: 2020 }) });
  const outcome = await provider.charge(chargeOf());
  assert.ok(outcome.ok);
  assert.equal(await decrypt(outcome.credential?.tokenized_card), '4111111111111111');
  assert.equal(await decrypt(outcome.credential?.tokenized_cvv), '123');
  assert.deepEqual([outcome.credential?.token_expiry_month, outcome.credential?.token_expiry_year], ['11', '2020']);
});

test('an RSA key, the kind merchants generated with gpg, works too', async () => {
  const rsa = await openpgp.generateKey({ type: 'rsa', rsaBits: 2048, userIDs: [{ name: 'Shop' }] });
  const outcome = await (await createTokenProvider({ publicKeyArmored: rsa.publicKey })).charge(chargeOf());
  assert.ok(outcome.ok);
  assert.ok(luhnValid(await decrypt(outcome.credential?.tokenized_card, rsa.privateKey)));
});

const gpg = (() => {
  try {
    execFileSync('gpg', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

test('a merchant decrypts the token with GnuPG', { skip: gpg ? false : 'gpg is not installed' }, async () => {
  const home = await mkdtemp(join(tmpdir(), 'tijara-gpg-'));
  const run = promisify(execFile);
  const env = { ...process.env, GNUPGHOME: home };
  const gpgArgs = ['--batch', '--quiet', '--pinentry-mode', 'loopback', '--passphrase', ''];
  try {
    await run('gpg', [...gpgArgs, '--quick-gen-key', 'Shop <shop@example.com>', 'ed25519', 'cert', 'never'], { env });
    const { stdout: listing } = await run('gpg', ['--batch', '--with-colons', '--list-keys'], { env });
    const fingerprint = /^fpr:+([0-9A-F]{40}):/m.exec(listing)![1]!;
    await run('gpg', [...gpgArgs, '--quick-add-key', fingerprint, 'cv25519', 'encr', 'never'], { env });
    const { stdout: publicKey } = await run('gpg', ['--batch', '--armor', '--export', fingerprint], { env });

    const outcome = await (await createTokenProvider({ publicKeyArmored: publicKey })).charge(chargeOf());
    assert.ok(outcome.ok);
    const decrypted = await new Promise<string>((resolve, reject) => {
      const child = execFile('gpg', [...gpgArgs, '--decrypt'], { env }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
      child.stdin!.end(outcome.credential!.tokenized_card);
    });
    assert.match(decrypted, /^6011\d{12}$/);
    assert.ok(luhnValid(decrypted));
  } finally {
    await run('gpgconf', ['--kill', 'gpg-agent'], { env }).catch(() => undefined);
    await rm(home, { recursive: true, force: true });
  }
});

test('a key that cannot take the tokens is refused at creation with a message that says why', async () => {
  await assert.rejects(createTokenProvider({ publicKeyArmored: 'not a key at all' }), /not an ASCII-armored OpenPGP public key/);
  await assert.rejects(createTokenProvider({ publicKeyArmored: keys.publicKey.replace(/\n[A-Za-z0-9+/]{20}/, '\nAAAAAAAAAAAAAAAAAAAA') }), /not an ASCII-armored OpenPGP public key/);
  await assert.rejects(createTokenProvider({ publicKeyArmored: keys.privateKey }), /private key; register only the public key/);

  const longAgo = new Date(Date.now() - 10 * 86_400_000);
  const expired = await openpgp.generateKey({ userIDs: [{ name: 'Shop' }], date: longAgo, keyExpirationTime: 86_400 });
  await assert.rejects(readPaymentPublicKey(expired.publicKey), /expired on \d{4}-\d{2}-\d{2}/);

  const signingOnly = await openpgp.generateKey({ userIDs: [{ name: 'Shop' }], subkeys: [] });
  await assert.rejects(readPaymentPublicKey(signingOnly.publicKey), /cannot encrypt/);

  const weak = await openpgp.generateKey({ type: 'rsa', rsaBits: 1024, userIDs: [{ name: 'Shop' }], config: { minRSABits: 1024 } });
  await assert.rejects(readPaymentPublicKey(weak.publicKey), /cannot encrypt .*too weak/);
});

test('a token payment cannot be refunded by the platform, and says who refunds it', async () => {
  const provider = await createTokenProvider({ publicKeyArmored: keys.publicKey });
  assert.deepEqual(await provider.refund({ idempotencyKey: 'ref_1', reference: 'tok_1', amount: 100, currency: 'USD' }), {
    ok: false,
    code: 'refund_failed',
    message: 'Tokenized payments are refunded by the merchant through the processor that charged the token',
  });
});
