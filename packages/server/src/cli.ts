import { ConfigError, loadConfig } from './config.js';
import { connect } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { demoCredentials, seedDemo } from './demo/seed.js';
import { createOutbox } from './events/outbox.js';
import { main } from './main.js';
import { createOperator } from './modules/accounts/accounts.service.js';
import { createVault, loadVaultKey } from './modules/payments/vault.js';

const usage = `Usage: tijara <command>

Commands:
  start [--demo]      run the platform (migrates, serves API, sockets and web app); --demo also
                      seeds the demo data on the first run and runs the echo bot on the demo page
  migrate             bring the database schema up to date
  seed-demo           create the demo merchant, shopper, page and conversation if missing
  create-operator --email E --password P [--name N]
                      create a platform operator (approves payments-beta apps at /admin)
  credentials --json  print the demo data a script needs (page, shopper, merchant sign-ins,
                      the demo app's id, secret, page token and verify token)

Environment: PORT (3000), HOST (127.0.0.1), DATABASE_URL (unset = SQLite in DATA_DIR),
DATA_DIR (./data), PUBLIC_URL, LOG_LEVEL (info).`;

async function withStore<T>(work: (store: Awaited<ReturnType<typeof connect>>, config: ReturnType<typeof loadConfig>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const store = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await work(store, config);
  } finally {
    await store.close();
  }
}

async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start': {
      const demo = rest.includes('--demo');
      // The demo's bot runs on this machine, so its webhook must be allowed to target loopback.
      return main(loadConfig(demo ? { WEBHOOK_ALLOW_PRIVATE: 'true', ...process.env } : process.env), { demo });
    }
    case 'migrate':
      return withStore(async (store) => {
        const ran = await migrateToLatest(store.db);
        console.log(ran.length ? `Applied ${ran.length} migration(s): ${ran.join(', ')}` : 'The schema is up to date.');
      });
    case 'seed-demo':
      return withStore(async (store, config) => {
        await migrateToLatest(store.db);
        const created = await seedDemo(store.db, createOutbox(store.engine), createVault(loadVaultKey(config)), config.dataDir);
        console.log(created ? 'Demo data created.' : 'Demo data already present.');
      });
    case 'credentials':
      return withStore(async (store, config) => {
        await migrateToLatest(store.db);
        const credentials = await demoCredentials(store.db, config.publicUrl, config.dataDir);
        if (!credentials) throw new Error('No demo data in this database; run `npx tijara seed-demo` or `npm start` first');
        console.log(rest.includes('--json') ? JSON.stringify(credentials, null, 2) : formatCredentials(credentials));
      });
    case 'create-operator':
      return withStore(async (store) => {
        await migrateToLatest(store.db);
        const option = (name: string) => {
          const index = rest.indexOf(`--${name}`);
          return index >= 0 ? rest[index + 1] : undefined;
        };
        const email = option('email');
        const password = option('password');
        if (!email || !password) throw new Error('usage: tijara create-operator --email <email> --password <password> [--name <name>]');
        const { account, created } = await createOperator(store.db, { email, password, name: option('name') ?? 'Operator' });
        console.log(created ? `Operator ${account.email} created; sign in at /admin.` : `${account.email} already had an account; it is now an operator (its password is unchanged).`);
      });
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(usage);
      return;
    default:
      console.error(`Unknown command "${command}".\n\n${usage}`);
      process.exitCode = 2;
  }
}

function formatCredentials(c: NonNullable<Awaited<ReturnType<typeof demoCredentials>>>): string {
  return [
    `Page:     ${c.page.name} (@${c.page.username}, id ${c.page.id}) ${c.page.url}`,
    `Shopper:  ${c.shopper.email} / ${c.shopper.password}${c.shopper.psid ? ` (PSID ${c.shopper.psid})` : ''}`,
    `Merchant: ${c.merchant.email} / ${c.merchant.password}`,
    `Operator: ${c.operator.email} / ${c.operator.password}`,
    ...(c.app ? [`App:      id ${c.app.id}, secret ${c.app.secret}`, `          page token ${c.app.pageAccessToken}`, `          verify token ${c.app.verifyToken}`] : []),
  ].join('\n');
}

run(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `tijara: ${(error as Error).message}`);
  process.exit(1);
});
