import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Seals card numbers (and provider secrets) with AES-256-GCM; nothing sealed is ever logged. */
export interface Vault {
  seal(plain: string): string;
  open(sealed: string): string;
  /** A keyed hash: tells two cards apart (or alike) without revealing the number. */
  fingerprint(plain: string): string;
}

export class VaultError extends Error {
  override name = 'VaultError';
}

export function createVault(key: Buffer): Vault {
  if (key.length !== 32) throw new VaultError('The vault key must be 32 bytes (base64 in VAULT_KEY)');
  const fingerprintKey = createHmac('sha256', key).update('card fingerprints').digest();
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || !body) throw new VaultError('Not a sealed value of this vault');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      try {
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new VaultError('The sealed value does not open with this key (was VAULT_KEY changed?)');
      }
    },
    fingerprint(plain) {
      return createHmac('sha256', fingerprintKey).update(plain).digest('base64url');
    },
  };
}

/**
 * The key comes from VAULT_KEY, or from DATA_DIR/vault.key, which is created on the first start
 * with owner-only permissions. Several processes sharing a database must share the key.
 */
export function loadVaultKey(options: { vaultKey: string | undefined; dataDir: string }): Buffer {
  if (options.vaultKey) return Buffer.from(options.vaultKey, 'base64');
  const file = path.join(options.dataDir, 'vault.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
}
