import type {
  AttachmentUploadResponse,
  MediaType,
  MessageTag,
  MessagingType,
  MessengerProfile,
  MessengerProfileField,
  MessengerProfileResponse,
  NotificationType,
  OutgoingMessage,
  QuickReply,
  Recipient,
  ResultResponse,
  SenderAction,
  SenderActionResponse,
  SendResponse,
  TemplatePayload,
  UserProfile,
  UserProfileField,
} from '@tijara/protocol/messenger';
import { appSecretProof, callGraph, type GraphConfig, type GraphMethod } from './graph.js';
import { runBatch, type BatchCall, type BatchResult } from './batch.js';

export interface ClientOptions {
  /** The page access token from the developer console. */
  pageAccessToken: string;
  /** When given, every call carries `appsecret_proof` (required if the app asks for it). */
  appSecret?: string;
  /** Where the Graph API lives: your Tijara server, e.g. "http://localhost:3000". */
  baseUrl?: string;
  /** Graph version in the path; any works on Tijara. "" for unversioned paths. */
  apiVersion?: string;
  /** Per call; past it the call fails with a NetworkError. */
  timeoutMs?: number;
}

/** Delivery options of a send (§2.2). `messaging_type` defaults to RESPONSE, or MESSAGE_TAG with a tag. */
export interface SendOptions {
  messaging_type?: MessagingType;
  tag?: MessageTag;
  notification_type?: NotificationType;
  persona_id?: string;
}

/** Send options plus what a message may carry beside its content (§2.3). */
export interface MessageOptions extends SendOptions {
  quick_replies?: QuickReply[];
  metadata?: string;
}

/** A PSID, or any recipient form of §2.2 (`{ user_ref }` after a checkbox opt-in, …). */
export type RecipientInput = string | Recipient;

/** An upload from memory: bytes plus what to call them. */
export interface FileUpload {
  data: Blob | Uint8Array;
  filename: string;
  contentType?: string;
}

const toRecipient = (recipient: RecipientInput): Recipient => (typeof recipient === 'string' ? { id: recipient } : recipient);

/**
 * A typed client for the Send API, attachments, user and Messenger profiles, and batch calls.
 * Failed calls reject with a GraphApiError (the API refused) or a NetworkError (no answer).
 *
 * @example
 * const client = new Client({ pageAccessToken: process.env.PAGE_ACCESS_TOKEN!, baseUrl: 'http://localhost:3000' })
 * await client.sendText('1254477777772919', 'Hello!')
 */
export class Client {
  readonly #config: GraphConfig;

  constructor(options: ClientOptions) {
    this.#config = {
      pageAccessToken: options.pageAccessToken,
      appSecretProof: options.appSecret ? appSecretProof(options.appSecret, options.pageAccessToken) : undefined,
      baseUrl: (options.baseUrl ?? 'https://graph.facebook.com').replace(/\/+$/, ''),
      apiVersion: options.apiVersion ?? 'v6.0',
      timeoutMs: options.timeoutMs ?? 10_000,
    };
  }

  /**
   * Any Graph call, for endpoints without a method here. Resolves to the parsed JSON answer.
   * @example await client.request('GET', 'me/subscribed_apps')
   */
  request<T = unknown>(method: GraphMethod, path: string, init: { query?: Record<string, string>; json?: unknown } = {}): Promise<T> {
    return callGraph(this.#config, { method, path, ...init }) as Promise<T>;
  }

  /**
   * Sends any message (text or attachment, with quick replies and metadata).
   * @example await client.sendMessage(psid, { text: 'Pick one', quick_replies: [quickReply('Red', 'RED')] })
   */
  sendMessage(recipient: RecipientInput, message: OutgoingMessage, options: SendOptions = {}): Promise<SendResponse> {
    const { messaging_type, ...rest } = options;
    // messaging_type became mandatory in 2018 (§2.2); a tagged send is MESSAGE_TAG by definition.
    const type = messaging_type ?? (rest.tag ? 'MESSAGE_TAG' : 'RESPONSE');
    const json = { recipient: toRecipient(recipient), messaging_type: type, message, ...rest };
    return this.request<SendResponse>('POST', 'me/messages', { json });
  }

  /** @example await client.sendText(event.sender.id, `You said: ${event.message.text}`) */
  sendText(recipient: RecipientInput, text: string, options: MessageOptions = {}): Promise<SendResponse> {
    const { quick_replies, metadata, ...send } = options;
    return this.sendMessage(recipient, { text, quick_replies, metadata }, send);
  }

  /** @example await client.sendQuickReplies(psid, 'Size?', [quickReply('S', 'SIZE_S'), quickReply('M', 'SIZE_M')]) */
  sendQuickReplies(recipient: RecipientInput, text: string, quickReplies: QuickReply[], options: MessageOptions = {}): Promise<SendResponse> {
    return this.sendText(recipient, text, { ...options, quick_replies: quickReplies });
  }

  /** @example await client.sendTemplate(psid, buttonTemplate('Ready?', [postbackButton('Yes', 'YES')])) */
  sendTemplate(recipient: RecipientInput, template: TemplatePayload, options: MessageOptions = {}): Promise<SendResponse> {
    const { quick_replies, metadata, ...send } = options;
    return this.sendMessage(recipient, { attachment: { type: 'template', payload: template }, quick_replies, metadata }, send);
  }

  /**
   * Sends media by URL, or by the `attachment_id` of an earlier reusable upload.
   * @example await client.sendAttachment(psid, 'image', 'https://example.com/cat.png', { is_reusable: true })
   */
  sendAttachment(
    recipient: RecipientInput,
    type: MediaType,
    source: string | { attachment_id: string },
    options: MessageOptions & { is_reusable?: boolean } = {},
  ): Promise<SendResponse> {
    const { quick_replies, metadata, is_reusable, ...send } = options;
    const payload = typeof source === 'string' ? { url: source, is_reusable } : source;
    return this.sendMessage(recipient, { attachment: { type, payload }, quick_replies, metadata }, send);
  }

  /**
   * Uploads media once for reuse (§2.6): from a URL the platform fetches, or from bytes.
   * @example const { attachment_id } = await client.uploadAttachment('image', { data: bytes, filename: 'logo.png' })
   */
  uploadAttachment(type: MediaType, source: string | FileUpload, options: { is_reusable?: boolean } = {}): Promise<AttachmentUploadResponse> {
    const is_reusable = options.is_reusable ?? true;
    if (typeof source === 'string') {
      const json = { message: { attachment: { type, payload: { url: source, is_reusable } } } };
      return this.request<AttachmentUploadResponse>('POST', 'me/message_attachments', { json });
    }
    const form = new FormData();
    form.set('message', JSON.stringify({ attachment: { type, payload: { is_reusable } } }));
    // Copied into a fresh Uint8Array: Blob refuses views over a SharedArrayBuffer (Buffer's type allows one).
    const bytes = source.data instanceof Blob ? source.data : new Uint8Array(source.data);
    const blob = new Blob([bytes], { type: source.contentType ?? (source.data instanceof Blob ? source.data.type : 'application/octet-stream') });
    form.set('filedata', blob, source.filename);
    return callGraph(this.#config, { method: 'POST', path: 'me/message_attachments', form }) as Promise<AttachmentUploadResponse>;
  }

  /** @example await client.senderAction(psid, 'typing_on') */
  senderAction(recipient: RecipientInput, action: SenderAction): Promise<SenderActionResponse> {
    return this.request<SenderActionResponse>('POST', 'me/messages', { json: { recipient: toRecipient(recipient), sender_action: action } });
  }

  /** @example const { first_name } = await client.getUserProfile(psid, ['first_name']) */
  getUserProfile(psid: string, fields: UserProfileField[] = ['first_name', 'last_name', 'profile_pic']): Promise<UserProfile> {
    return this.request<UserProfile>('GET', encodeURIComponent(psid), { query: { fields: fields.join(',') } });
  }

  /** @example await client.setMessengerProfile({ get_started: { payload: 'GET_STARTED' } }) */
  setMessengerProfile(profile: MessengerProfile): Promise<ResultResponse> {
    return this.request<ResultResponse>('POST', 'me/messenger_profile', { json: profile });
  }

  /** Resolves to the requested properties (an empty object when none is set). @example await client.getMessengerProfile(['greeting']) */
  async getMessengerProfile(fields: MessengerProfileField[]): Promise<MessengerProfile> {
    const answer = await this.request<MessengerProfileResponse>('GET', 'me/messenger_profile', { query: { fields: fields.join(',') } });
    return answer.data[0] ?? {};
  }

  /** @example await client.deleteMessengerProfile(['persistent_menu']) */
  deleteMessengerProfile(fields: MessengerProfileField[]): Promise<ResultResponse> {
    return this.request<ResultResponse>('DELETE', 'me/messenger_profile', { json: { fields } });
  }

  /**
   * Up to 50 calls in one request (§2.7). A failed sub-call does not reject: its result carries
   * `error`. Object bodies are form-encoded with JSON-string values, as Graph expects.
   * @example
   * const [first] = await client.batch([{ method: 'POST', relative_url: 'me/messages', body: { recipient: { id: psid }, message: { text: 'hi' } } }])
   */
  batch(calls: BatchCall[]): Promise<BatchResult[]> {
    return runBatch(this.#config, calls);
  }
}
