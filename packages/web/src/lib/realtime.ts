import type { SocketFrame } from '@tijara/protocol';

export type SocketStatus = 'connecting' | 'open' | 'reconnecting';

const frameTypes = new Set(['message.created', 'marks.changed', 'typing.changed', 'ready']);

function parseFrame(data: unknown): SocketFrame | null {
  if (typeof data !== 'string') return null;
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value === 'object' && value !== null && 'type' in value && frameTypes.has(String(value.type))) {
      return value as SocketFrame;
    }
  } catch {
    // A frame we cannot read is skipped; the next replay brings the stored events again.
  }
  return null;
}

/**
 * One socket per signed-in tab. It remembers the highest event id seen so that a reconnect asks the
 * server to replay exactly what was missed (`?since=`), which is why listeners must dedupe by id.
 */
export class RealtimeClient {
  private socket: WebSocket | null = null;
  private lastEventId = 0;
  private attempt = 0;
  private retryTimer: number | undefined;
  private stopped = false;
  private readonly frameListeners = new Set<(frame: SocketFrame) => void>();
  private readonly statusListeners = new Set<(status: SocketStatus) => void>();
  status: SocketStatus = 'connecting';

  constructor(private readonly url: (since: number) => string) {}

  start(): void {
    this.stopped = false;
    window.addEventListener('online', this.reconnectNow);
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.reconnectNow);
    window.clearTimeout(this.retryTimer);
    this.socket?.close(1000);
    this.socket = null;
  }

  onFrame(listener: (frame: SocketFrame) => void): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  onStatus(listener: (status: SocketStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private setStatus(status: SocketStatus): void {
    if (status === this.status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }

  private readonly reconnectNow = (): void => {
    if (this.stopped || this.socket?.readyState === WebSocket.OPEN) return;
    window.clearTimeout(this.retryTimer);
    this.attempt = 0;
    this.connect();
  };

  private connect(): void {
    this.socket?.close();
    const socket = new WebSocket(this.url(this.lastEventId));
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.setStatus('open');
    };
    socket.onmessage = (event) => {
      const frame = parseFrame(event.data);
      if (!frame) return;
      if (frame.type === 'ready') this.lastEventId = Math.max(this.lastEventId, frame.lastEventId);
      else if (frame.type !== 'typing.changed') this.lastEventId = Math.max(this.lastEventId, frame.id);
      for (const listener of this.frameListeners) listener(frame);
    };
    socket.onclose = () => {
      if (this.socket !== socket || this.stopped) return;
      this.socket = null;
      this.setStatus('reconnecting');
      const delay = Math.min(5000, 500 * 2 ** this.attempt);
      this.attempt++;
      // Jitter keeps a restarted server from being hit by every tab at the same instant.
      this.retryTimer = window.setTimeout(() => this.connect(), delay * (0.8 + Math.random() * 0.4));
    };
  }
}

export function socketUrl(since: number): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/api/socket?since=${since}`;
}
