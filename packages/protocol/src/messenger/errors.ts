import { Type, type Static } from '@sinclair/typebox';

/**
 * The Graph error envelope (§2.5). `type` is "OAuthException" for almost every error, auth or not;
 * `message` is prefixed "(#<code>)". The optional fields are Graph's, unconfirmed for Messenger [U].
 */
export const GraphError = Type.Object({
  error: Type.Object({
    message: Type.String(),
    type: Type.String(),
    code: Type.Integer(),
    error_subcode: Type.Optional(Type.Integer()),
    fbtrace_id: Type.String(),
    error_user_title: Type.Optional(Type.String()),
    error_user_msg: Type.Optional(Type.String()),
    is_transient: Type.Optional(Type.Boolean()),
    error_data: Type.Optional(Type.Unknown()),
  }),
});
export type GraphError = Static<typeof GraphError>;

export interface GraphErrorCode {
  readonly code: number;
  readonly subcode?: number;
  /** HTTP status Tijara answers with. */
  readonly status: number;
  readonly meaning: string;
}

/**
 * The codes of §2.5 by name. Facebook never documented a code → HTTP status table ([U], open
 * question 1). The choice: 400 for everything the caller can fix or must wait out (400 is what
 * bots saw most), 500 for the platform's own failure (2) and 503 for "retry later" (1200).
 * Bots read the body's code, not the status, so the status only matters to generic HTTP tooling.
 */
export const graphErrorCodes = {
  internalError: { code: 2, status: 500, meaning: 'unexpected error; retry' },
  temporarySendFailure: { code: 1200, status: 503, meaning: 'temporary send failure; retry later' },
  appRequestLimit: { code: 4, status: 400, meaning: 'application request limit reached' },
  phoneSendLimit: { code: 4, subcode: 2018022, status: 400, meaning: 'too many sends to phone numbers' },
  rateLimit: { code: 613, status: 400, meaning: 'calls to this API exceeded the rate limit' },
  invalidParameter: { code: 100, status: 400, meaning: 'invalid parameter' },
  noMatchingUser: { code: 100, subcode: 2018001, status: 400, meaning: 'no matching user found' },
  attachmentTooLarge: { code: 100, subcode: 2018109, status: 400, meaning: 'attachment size exceeds the limit' },
  invalidData: { code: 100, subcode: 2018032, status: 400, meaning: 'invalid data' },
  deprecatedProfileField: { code: 100, subcode: 2018254, status: 400, meaning: 'user profile field no longer available' },
  invalidToken: { code: 190, status: 400, meaning: 'invalid OAuth access token' },
  outsideWindow: {
    code: 10,
    subcode: 2018065,
    status: 400,
    meaning: 'message sent outside the allowed window; needs a message tag or pages_messaging_subscriptions',
  },
  cannotMessageNow: { code: 10, subcode: 2018108, status: 400, meaning: 'this person cannot receive messages from you right now' },
  notReceiving: { code: 200, subcode: 1545041, status: 400, meaning: "message not sent: this person isn't receiving messages from you" },
  messagingNotApproved: {
    code: 200,
    subcode: 2018028,
    status: 400,
    meaning: 'cannot message users without a role until pages_messaging is approved and the app is live',
  },
  phoneNumberPermission: { code: 200, subcode: 2018027, status: 400, meaning: 'pages_messaging_phone_number is not approved' },
  phoneMatchingFee: { code: 200, subcode: 2018021, status: 400, meaning: 'phone matching access fee required' },
  userUnavailable: { code: 551, status: 400, meaning: 'this person is unavailable or has blocked the page' },
  invalidAccountLinkingToken: { code: 10303, status: 400, meaning: 'invalid account_linking_token' },
} as const satisfies Record<string, GraphErrorCode>;

export type GraphErrorName = keyof typeof graphErrorCodes;

/** The named entry for a code/subcode pair, preferring the exact subcode, else the bare code. */
export function findGraphErrorCode(code: number, subcode?: number): GraphErrorCode | undefined {
  const entries: GraphErrorCode[] = Object.values(graphErrorCodes);
  return (
    entries.find((entry) => entry.code === code && entry.subcode !== undefined && entry.subcode === subcode) ??
    entries.find((entry) => entry.code === code && entry.subcode === undefined)
  );
}

/** The envelope for a named code: `(#100) No matching user found` etc. */
export function graphError(name: GraphErrorName, message: string, fbtraceId: string): GraphError {
  const entry: GraphErrorCode = graphErrorCodes[name];
  return {
    error: {
      message: `(#${entry.code}) ${message}`,
      type: 'OAuthException',
      code: entry.code,
      ...(entry.subcode === undefined ? {} : { error_subcode: entry.subcode }),
      fbtrace_id: fbtraceId,
    },
  };
}
