import type { OpenConversationBody, Thread, ThreadList } from '@tijara/protocol';
import { api } from '../../../lib/api';

export const listThreads = (cursor: string | null) => api.get<ThreadList>('/api/threads', { query: { cursor } });

export const openConversation = (body: OpenConversationBody) => api.post<Thread>('/api/conversations', body);
