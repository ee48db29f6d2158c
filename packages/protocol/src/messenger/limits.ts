/**
 * Every numeric limit of the Messenger dialect (wire reference: shared/messenger-platform.md).
 * Where the reference marks a value unconfirmed ([U]) the chosen value and the reason are noted.
 * The schemas in this folder read their bounds from here, so server, SDK and web app agree.
 */
export const messengerLimits = {
  /** §2.3: early docs said 320, then 640 [U]; later 2000. The largest is taken so no bot is refused. */
  messageText: 2000,
  /** §2.3: `metadata` string, echoed back in echoes only. */
  metadata: 1000,
  /** §2.3: 10 in early docs [U], 11 later. 11 accepts bots of either era. */
  quickReplies: 11,
  quickReplyTitle: 20,
  /** Postback, quick-reply and get_started payloads (§2.3, §3.7, §6.4). */
  payload: 1000,
  /** §3.7: button title; 30 inside the persistent menu. */
  buttonTitle: 20,
  menuButtonTitle: 30,
  /** §3.2 */
  buttonTemplateText: 640,
  buttonTemplateButtons: 3,
  /** §3.1: carousel of at most 10 (2016 docs unconfirmed [U]; 10 in all later docs). */
  genericElements: 10,
  elementTitle: 80,
  elementSubtitle: 80,
  elementButtons: 3,
  /** §3.3: list template, 2–4 elements, one button per element, one global button. */
  listElementsMin: 2,
  listElementsMax: 4,
  listElementButtons: 1,
  listButtons: 1,
  /** §3.4 */
  receiptElements: 100,
  /**
   * §3.5 gives no element count for the media template. One element is Facebook's documented
   * maximum for that template (not in the reference; chosen here); at most one button (§3.5).
   */
  mediaElements: 1,
  mediaButtons: 1,
  /** §6.4 */
  greetingText: 160,
  persistentMenuItems: 3,
  nestedMenuItems: 5,
  /**
   * §6.4 does not say how deep `nested` items may go. Facebook allowed three levels
   * (top level plus two nested levels); chosen here so no 2017 menu is refused.
   */
  menuDepth: 3,
  /** §6.4 legacy thread_settings persistent menu: up to 5 buttons, no nesting. */
  legacyMenuButtons: 5,
  whitelistedDomains: 50,
  /** §2.7 */
  batchRequests: 50,
  /** §2.3: 25 MB for any upload (the historic 8 MB image limit is [U] and not applied). */
  attachmentBytes: 25 * 1024 * 1024,
  /** §6.7: m.me `ref`; 2,083 in later docs (2016 limits [U]); the later value is used. */
  ref: 2083,
  /** §2.2: typing indicators expire after about 20 s. */
  typingIndicatorMs: 20_000,
  /** §2.2: the "24+1" window, in which a page may message a user without a tag. */
  messagingWindowMs: 24 * 60 * 60 * 1000,
  /** §2.8: rolling 24 h Send API budget per person the page can message (2018+ docs). */
  sendsPerPersonPerDay: 200,
  /** §2.8 / §6.4: Messenger Profile API, 10 calls per 10 minutes per page. */
  profileCallsPerWindow: 10,
  profileWindowMs: 10 * 60 * 1000,
  /** §5.2: at most 10 apps subscribed to one page (2016). */
  subscribedAppsPerPage: 10,
  /** §5.6: webhook timeout, warning after 15 min of failure, unsubscribe after 8 h. */
  webhookTimeoutMs: 20_000,
  webhookWarnAfterMs: 15 * 60 * 1000,
  webhookDisableAfterMs: 8 * 60 * 60 * 1000,
} as const;

export type MessengerLimits = typeof messengerLimits;
