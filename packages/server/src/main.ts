import pino from 'pino';
import type { Config } from './config.js';
import { connect } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { demoCredentials, seedDemo } from './demo/seed.js';
import { startDemoBots } from './demo/bots.js';
import { createVault, loadVaultKey } from './modules/payments/vault.js';
import { createOutbox } from './events/outbox.js';
import { startPlatform } from './platform.js';

/**
 * `tijara start`: config → database → migrations → server and workers. With `demo`, also the demo
 * data on the first run and the demo bot on the demo page.
 */
export async function main(config: Config, options: { demo: boolean }): Promise<void> {
  const logger = pino({ level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'] });
  const store = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(store.db);
  const seeded = options.demo && (await seedDemo(store.db, createOutbox(store.engine), createVault(loadVaultKey(config)), config.dataDir));
  const platform = await startPlatform({ config, store, logger });
  const bots = options.demo ? await startDemoBots(platform, { dataDir: config.dataDir, port: config.port, log: logger }) : [];
  const botOn = (name: string) => bots.find((bot) => bot.name === name);

  const credentials = options.demo ? await demoCredentials(store.db, config.publicUrl, config.dataDir) : null;
  const lines = [
    '',
    `  Tijara is running at ${config.publicUrl}`,
    `  Storage: ${store.engine} (${store.location})${seeded ? ', demo data created' : ''}`,
  ];
  if (credentials) {
    lines.push(
      '',
      `  Demo shopper:   ${credentials.shopper.email} / ${credentials.shopper.password}`,
      `  Demo merchant:  ${credentials.merchant.email} / ${credentials.merchant.password}  (business console: ${config.publicUrl}/business)`,
      `  Demo operator:  ${credentials.operator.email} / ${credentials.operator.password}  (operator console: ${config.publicUrl}/admin)`,
      `  Demo shop:      ${credentials.page.url}${botOn('shop-bot') ? `  (examples/shop-bot sells there; the shopper has a saved test card)` : ''}`,
      ...(credentials.echo ? [`  Echo bot:       ${credentials.echo.page.url}${botOn('echo-bot') ? '  (examples/echo-bot answers there)' : ''}`] : []),
      `  Developers:     ${config.publicUrl}/developers  (npx tijara credentials --json prints the demo app's token)`,
    );
  }
  lines.push('', '  Press Ctrl+C to stop.', '');
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await Promise.all(bots.map((bot) => bot.stop()));
    await platform.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
