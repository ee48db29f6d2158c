import type { Session } from '@tijara/protocol';
import WebSocket from 'ws';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A signed-in (or anonymous) user of the app API: keeps the session cookie and sends the CSRF token. */
export class ApiClient {
  cookie = '';
  csrfToken = '';
  session: Session | null = null;

  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, body?: unknown, init: { headers?: Record<string, string>; raw?: BodyInit } = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] ??= this.csrfToken;
    let payload: BodyInit | undefined = init.raw;
    if (body !== undefined) {
      headers['content-type'] ??= 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body: payload });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    const parsed = text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }

  private adopt(reply: Reply): Reply {
    if (reply.status < 300) {
      this.session = reply.body as Session;
      this.csrfToken = (reply.body as Session).csrfToken;
    }
    return reply;
  }

  async signUp(input: { email: string; password?: string; name?: string; role?: 'shopper' | 'merchant' }) {
    return this.adopt(await this.post('/api/accounts', { password: 'correct horse battery', name: 'Test Person', ...input }));
  }
  async signIn(email: string, password: string) {
    return this.adopt(await this.post('/api/sessions', { email, password }));
  }

  /** Opens the live socket; frames are collected in order. */
  openSocket(since?: number): Promise<LiveSocket> {
    const socket = new WebSocket(`${this.baseUrl.replace(/^http/, 'ws')}/api/socket${since === undefined ? '' : `?since=${since}`}`, { headers: { cookie: this.cookie } });
    const live = new LiveSocket(socket);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(live));
      socket.once('error', reject);
      socket.once('unexpected-response', (_req, res) => reject(new Error(`socket refused with ${res.statusCode}`)));
    });
  }
}

export class LiveSocket {
  readonly frames: any[] = [];
  private waiters: Array<() => void> = [];

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.frames.push(JSON.parse(String(data)));
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /** Waits until a frame matching the predicate has arrived (or fails after a generous bound). */
  async waitFor(predicate: (frame: any) => boolean, what = 'frame'): Promise<any> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = this.frames.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${what} arrived; got ${JSON.stringify(this.frames.map((f) => f.type))}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  close() {
    this.socket.close();
  }
}

let counter = 0;
export const uniqueEmail = (label = 'user') => `${label}-${process.pid}-${Date.now()}-${counter++}@example.test`;
export const uniqueUsername = (label = 'shop') => `${label}.${process.pid}.${counter++}`;
