import type { CreatePageBody, Page, PageList, ThreadList, UpdatePageBody } from '@tijara/protocol';
import { api, seg } from '../../../lib/api';

export const listMyPages = () => api.get<PageList>('/api/pages/mine').then((list) => list.data);

export const createPage = (body: CreatePageBody) => api.post<Page>('/api/pages', body);

export const updatePage = (pageId: string, body: UpdatePageBody) => api.patch<Page>(`/api/pages/${seg(pageId)}`, body);

export const uploadAvatar = (pageId: string, file: Blob) => api.put<Page>(`/api/pages/${seg(pageId)}/avatar`, file, file.type);

export const listPageThreads = (pageId: string, cursor: string | null) =>
  api.get<ThreadList>(`/api/pages/${seg(pageId)}/threads`, { query: { cursor } });
