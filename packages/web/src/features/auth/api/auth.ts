import type { Session, SignInBody, SignUpBody } from '@tijara/protocol';
import { api } from '../../../lib/api';

export const signUp = (body: SignUpBody) => api.post<Session>('/api/accounts', body, { quietUnauthorized: true });

export const signIn = (body: SignInBody) => api.post<Session>('/api/sessions', body, { quietUnauthorized: true });

export const signOut = () => api.delete<void>('/api/session');
