/**
 * The Messenger-dialect wire contract (shared/messenger-platform.md), declared once with TypeBox.
 * Every export is both a schema (a value) and its static type under the same name.
 *
 * Strictness rule: request shapes the server validates refuse unknown fields in nested objects
 * (buttons, templates, quick replies, profile properties), where a typo would otherwise be
 * dropped silently; top-level request bodies allow them, because Graph lets auth parameters
 * (`access_token`, `appsecret_proof`) ride in the body. Webhook events and responses, which bots
 * parse, never refuse extra fields.
 */
export * from './limits.js';
export * from './common.js';
export * from './errors.js';
export * from './buttons.js';
export * from './templates.js';
export * from './attachments.js';
export * from './send.js';
export * from './menu.js';
export * from './profile.js';
export * from './thread-settings.js';
export * from './batch.js';
export * from './webhook.js';
export * from './webhook-payments.js';
