import type { Kysely, Transaction } from 'kysely';
import type { AccountsTable, SessionsTable } from '../modules/accounts/accounts.table.js';
import type { MediaTable, MessengerProfilesTable, PageMembersTable, PagesTable } from '../modules/pages/pages.table.js';
import type { MessagesTable, ThreadsTable } from '../modules/messaging/messaging.table.js';
import type { EventsTable } from '../events/events.table.js';
import type { AppsTable, PageSubscribedAppsTable, PageTokensTable, WebhookSubscriptionsTable } from '../modules/apps/apps.table.js';
import type { WebhookDeliveriesTable, WorkerCursorsTable } from '../modules/webhooks/webhooks.table.js';
import type { AttachmentsTable } from '../modules/messaging/attachments.table.js';
import type { AddressesTable, CardsTable, ContactsTable } from '../modules/wallet/wallet.table.js';
import type { LedgerEntriesTable, PagePaymentSettingsTable, PaymentBetaApplicationsTable, PaymentsTable, RefundsTable, TestProcessorAuthorizationsTable, TestProcessorCapturesTable, TestProcessorRefundsTable } from '../modules/payments/payments.table.js';
import type { OrderEventsTable, OrderLinesTable, OrdersTable } from '../modules/orders/orders.table.js';
import type { CheckoutSessionsTable } from '../modules/checkout/checkout.table.js';

export interface Database {
  accounts: AccountsTable;
  sessions: SessionsTable;
  media: MediaTable;
  pages: PagesTable;
  page_members: PageMembersTable;
  threads: ThreadsTable;
  messages: MessagesTable;
  events: EventsTable;
  apps: AppsTable;
  page_tokens: PageTokensTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  page_subscribed_apps: PageSubscribedAppsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  worker_cursors: WorkerCursorsTable;
  messenger_profiles: MessengerProfilesTable;
  attachments: AttachmentsTable;
  cards: CardsTable;
  addresses: AddressesTable;
  contacts: ContactsTable;
  page_payment_settings: PagePaymentSettingsTable;
  test_processor_authorizations: TestProcessorAuthorizationsTable;
  test_processor_captures: TestProcessorCapturesTable;
  test_processor_refunds: TestProcessorRefundsTable;
  payments: PaymentsTable;
  refunds: RefundsTable;
  ledger_entries: LedgerEntriesTable;
  payment_beta_applications: PaymentBetaApplicationsTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  order_events: OrderEventsTable;
  checkout_sessions: CheckoutSessionsTable;
}

export type Engine = 'sqlite' | 'postgres';

/** A connection or an open transaction: functions take this first, so the caller owns the unit of work. */
export type Db = Kysely<Database> | Transaction<Database>;
