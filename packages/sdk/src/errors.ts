import type { GraphError } from '@tijara/protocol/messenger';
import type { WebhookEvent } from './events.js';

// Errors are split by who failed, so a bot can tell "fix your call" from "try again later" from
// "your own code broke": GraphApiError (the API said no), NetworkError (no usable answer),
// HandlerError (your webhook handler threw).

/**
 * Base class of every error the SDK throws or reports.
 *
 * @example
 * try { await client.sendText(psid, 'hi') } catch (error) {
 *   if (error instanceof TijaraBotError) console.error(error.message)
 * }
 */
export class TijaraBotError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** What to do about the codes bots meet most (reference §2.5). Subcode-specific first. */
const hints: Record<string, string> = {
  '100/2018001': 'no user with this PSID on this page: reply to the sender.id of a webhook event from the same page',
  '100/2018109': 'the attachment is larger than 25 MB',
  '100/2018254': 'this user profile field is no longer available; ask only for first_name, last_name, profile_pic',
  '10/2018065': 'the 24-hour window is closed: send with messaging_type MESSAGE_TAG and a tag, or wait for the user to write',
  '10/2018108': 'this person cannot receive messages from the page right now',
  '200/1545041': "this person isn't receiving messages from the page",
  '200/2018028': 'the app may only message people with a role on it until pages_messaging is approved',
  '2': 'the platform failed unexpectedly; retry the call',
  '1200': 'temporary send failure; retry later',
  '4': 'the app hit its request limit; slow down and retry later',
  '613': 'rate limited; slow down and retry later',
  '100': 'a parameter is invalid; the message names it',
  '190': 'the page access token is wrong or revoked; generate a new one in the developer console',
  '551': 'this person is unavailable or has blocked the page',
  '10303': 'the account_linking_token is invalid or expired',
};

function hintFor(code: number, subcode: number | undefined): string | undefined {
  return (subcode === undefined ? undefined : hints[`${code}/${subcode}`]) ?? hints[String(code)];
}

/** Codes whose cause is passing: the same call may succeed later. */
const transientCodes = new Set([2, 4, 613, 1200]);

/**
 * The Graph API answered with its error envelope: the call was understood and refused.
 *
 * @example
 * try { await client.sendText(psid, 'hi') } catch (error) {
 *   if (error instanceof GraphApiError && error.code === 190) rotateToken()
 *   if (error instanceof GraphApiError && error.retryable) scheduleRetry()
 * }
 */
export class GraphApiError extends TijaraBotError {
  readonly code: number;
  readonly subcode: number | undefined;
  readonly type: string;
  readonly fbtraceId: string | undefined;
  readonly httpStatus: number;
  /** What to do about it, for the common codes. */
  readonly hint: string | undefined;
  /** The server's own message, e.g. "(#100) No matching user found". */
  readonly apiMessage: string;
  /** Which call failed, e.g. "POST me/messages". */
  readonly call: string;
  readonly retryable: boolean;

  constructor(envelope: GraphError, httpStatus: number, call: string) {
    const { error } = envelope;
    const hint = hintFor(error.code, error.error_subcode);
    const codes = error.error_subcode === undefined ? `code ${error.code}` : `code ${error.code}/${error.error_subcode}`;
    super(`${call} failed with ${codes}: ${error.message}${hint ? ` (${hint})` : ''}`);
    this.code = error.code;
    this.subcode = error.error_subcode;
    this.type = error.type;
    this.fbtraceId = error.fbtrace_id;
    this.httpStatus = httpStatus;
    this.hint = hint;
    this.apiMessage = error.message;
    this.call = call;
    this.retryable = error.is_transient === true || transientCodes.has(error.code);
  }
}

/**
 * No usable answer: the server could not be reached, timed out, or answered something that is
 * not the Graph API (an HTML error page from a proxy, say). `cause` holds the underlying error.
 *
 * @example
 * try { await client.sendText(psid, 'hi') } catch (error) {
 *   if (error instanceof NetworkError) console.error('is TIJARA_URL right?', error.cause)
 * }
 */
export class NetworkError extends TijaraBotError {
  /** Which call failed, e.g. "POST me/messages". */
  readonly call: string;
  /** Set when the server answered with a status but no Graph error envelope. */
  readonly httpStatus: number | undefined;

  constructor(message: string, call: string, options: { cause?: unknown; httpStatus?: number } = {}) {
    super(`${call}: ${message}`, { cause: options.cause });
    this.call = call;
    this.httpStatus = options.httpStatus;
  }
}

/**
 * Your webhook handler threw (or returned an unusable reply). The webhook answers 500 so the
 * platform retries the delivery; `cause` holds what was thrown, `event` the event being handled.
 *
 * @example
 * createWebhookHandler({ appSecret, verifyToken, onError: (error) => {
 *   if (error instanceof HandlerError) console.error(error.event?.type, error.cause)
 * } })
 */
export class HandlerError extends TijaraBotError {
  readonly event: WebhookEvent | undefined;

  constructor(message: string, cause: unknown, event?: WebhookEvent) {
    super(message, { cause });
    this.event = event;
  }
}

/**
 * A request reached your webhook but was refused before any handler ran: a bad signature (is
 * APP_SECRET right?), a wrong verify token, a body that is not JSON. `status` is what was answered.
 *
 * @example
 * createWebhookHandler({ appSecret, verifyToken, onError: (error) => {
 *   if (error instanceof WebhookRequestError && error.status === 403) console.warn(error.message)
 * } })
 */
export class WebhookRequestError extends TijaraBotError {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}
