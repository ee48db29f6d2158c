import type { Message, MessageList, PostbackBody, Side, Thread, ThreadProfile } from '@tijara/protocol';
import { api, seg } from '../../../lib/api';

/** Whose voice the viewer speaks with: the shopper's own, or a page the merchant administers. */
export type ThreadScope = { kind: 'shopper' } | { kind: 'page'; pageId: string };

export const viewerSide = (scope: ThreadScope): Side => (scope.kind === 'shopper' ? 'shopper' : 'page');

function base(scope: ThreadScope, threadId: string): string {
  return scope.kind === 'shopper'
    ? `/api/threads/${seg(threadId)}`
    : `/api/pages/${seg(scope.pageId)}/threads/${seg(threadId)}`;
}

export const getThread = (scope: ThreadScope, threadId: string) => api.get<Thread>(base(scope, threadId));

export const listMessages = (scope: ThreadScope, threadId: string, before: string | null) =>
  api.get<MessageList>(`${base(scope, threadId)}/messages`, { query: { before } });

/** `quickReply` is set when the text is the title of a tapped quick reply (shoppers only). */
export const sendMessage = (scope: ThreadScope, threadId: string, clientId: string, text: string, quickReply?: { payload: string }) =>
  api.post<Message>(`${base(scope, threadId)}/messages`, quickReply ? { clientId, text, quickReply } : { clientId, text });

/** The shopper tapped a postback button, a menu item or Get Started. */
export const sendPostback = (threadId: string, body: PostbackBody) => api.post<Message>(`/api/threads/${seg(threadId)}/postback`, body);

/** The page's greeting, Get Started and persistent menu, as this shopper sees them. */
export const getThreadProfile = (threadId: string) => api.get<ThreadProfile>(`/api/threads/${seg(threadId)}/profile`);

export const markRead = (scope: ThreadScope, threadId: string, seq: number) =>
  api.post<void>(`${base(scope, threadId)}/read`, { seq });

export const markDelivered = (scope: ThreadScope, threadId: string, seq: number) =>
  api.post<void>(`${base(scope, threadId)}/delivered`, { seq });

export const setTyping = (scope: ThreadScope, threadId: string, on: boolean) =>
  api.post<void>(`${base(scope, threadId)}/typing`, { on });
