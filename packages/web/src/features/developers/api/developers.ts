import type {
  AppWithSecret,
  BetaApplication,
  DeveloperApp,
  DeveloperAppList,
  IssuedPageToken,
  PageList,
  SetWebhookBody,
  UpdateAppBody,
  WebhookDelivery,
  WebhookDeliveryList,
} from '@tijara/protocol';
import { api, seg } from '../../../lib/api';

const app = (appId: string) => `/api/developer/apps/${seg(appId)}`;

export const listApps = () => api.get<DeveloperAppList>('/api/developer/apps').then((list) => list.data);

export const createApp = (name: string) => api.post<AppWithSecret>('/api/developer/apps', { name });

export const getApp = (appId: string) => api.get<DeveloperApp>(app(appId));

export const updateApp = (appId: string, body: UpdateAppBody) => api.patch<DeveloperApp>(app(appId), body);

/** The old secret stops working at once. */
export const rotateSecret = (appId: string) => api.post<AppWithSecret>(`${app(appId)}/secret`);

export const connectPage = (appId: string, pageId: string) => api.post<IssuedPageToken>(`${app(appId)}/pages`, { pageId });

export const revokeToken = (appId: string, tokenId: string) => api.delete<DeveloperApp>(`${app(appId)}/tokens/${seg(tokenId)}`);

/** The server runs the hub.challenge handshake against the callback before saving. */
export const setWebhook = (appId: string, body: SetWebhookBody) => api.putJson<DeveloperApp>(`${app(appId)}/webhook`, body);

export const removeWebhook = (appId: string) => api.delete<DeveloperApp>(`${app(appId)}/webhook`);

export const listDeliveries = (appId: string, cursor: string | null) =>
  api.get<WebhookDeliveryList>(`${app(appId)}/deliveries`, { query: { cursor, limit: 20 } });

export const resendDelivery = (appId: string, deliveryId: string) =>
  api.post<WebhookDelivery>(`${app(appId)}/deliveries/${seg(deliveryId)}/resend`);

/** Pages this account manages: the ones an app can be connected to. */
export const listMyPages = () => api.get<PageList>('/api/pages/mine').then((list) => list.data);

/** The app's payments beta application, or null when it never applied. */
export const getPaymentsApplication = (appId: string) => api.get<BetaApplication | null>(`${app(appId)}/payments-application`);

/** 409 while an application is pending or approved. */
export const applyForPayments = (appId: string, useCase: string) => api.post<BetaApplication>(`${app(appId)}/payments-application`, { useCase });
