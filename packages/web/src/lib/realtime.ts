import type { SocketFrame } from '@tijara/protocol';

export type SocketStatus = 'connecting' | 'open' | 'reconnecting';

const frameTypes = new Set(['message.created', 'marks.changed', 'typing.changed', 'ready']);

/** If the first socket takes longer than this, screens load over REST anyway and reload once it is up. */
const syncFallbackMs = 4000;

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
 * One socket per signed-in tab. The first connection starts "from now": the server answers `ready`
 * at once, and only then do screens load their state over REST, so nothing committed in between is
 * lost. Each such start bumps `generation`, which screens use to (re)load. After that, a reconnect
 * passes the highest event id seen (`?since=`) and the server replays exactly what was missed, which
 * is why listeners must still dedupe by id.
 */
export class RealtimeClient {
  private socket: WebSocket | null = null;
  /** null until a `ready` has been seen: a reconnect before that starts from now again. */
  private lastEventId: number | null = null;
  private attempt = 0;
  private retryTimer: number | undefined;
  private fallbackTimer: number | undefined;
  private stopped = false;
  private readonly frameListeners = new Set<(frame: SocketFrame) => void>();
  private readonly statusListeners = new Set<(status: SocketStatus) => void>();
  private readonly syncListeners = new Set<(generation: number) => void>();
  status: SocketStatus = 'connecting';
  /** How many times screens were told to load their state; 0 until the first time. */
  generation = 0;

  constructor(private readonly url: (since: number | null) => string) {}

  start(): void {
    this.stopped = false;
    window.addEventListener('online', this.reconnectNow);
    // A socket that cannot open (a proxy without WebSocket support) must not leave screens empty.
    this.fallbackTimer = window.setTimeout(() => {
      if (this.generation === 0) this.bumpGeneration();
    }, syncFallbackMs);
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.reconnectNow);
    window.clearTimeout(this.retryTimer);
    window.clearTimeout(this.fallbackTimer);
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

  onSync(listener: (generation: number) => void): () => void {
    this.syncListeners.add(listener);
    return () => this.syncListeners.delete(listener);
  }

  private setStatus(status: SocketStatus): void {
    if (status === this.status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }

  private bumpGeneration(): void {
    this.generation++;
    for (const listener of this.syncListeners) listener(this.generation);
  }

  private readonly reconnectNow = (): void => {
    if (this.stopped || this.socket?.readyState === WebSocket.OPEN) return;
    window.clearTimeout(this.retryTimer);
    this.attempt = 0;
    this.connect();
  };

  private connect(): void {
    this.socket?.close();
    const fresh = this.lastEventId === null;
    const socket = new WebSocket(this.url(this.lastEventId));
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.setStatus('open');
    };
    socket.onmessage = (event) => {
      const frame = parseFrame(event.data);
      if (!frame) return;
      if (frame.type === 'ready') this.lastEventId = Math.max(this.lastEventId ?? 0, frame.lastEventId);
      else if (frame.type !== 'typing.changed' && this.lastEventId !== null) this.lastEventId = Math.max(this.lastEventId, frame.id);
      for (const listener of this.frameListeners) listener(frame);
      // A start from now replays nothing: whatever screens hold may have a gap, so they load again.
      if (frame.type === 'ready' && fresh) {
        window.clearTimeout(this.fallbackTimer);
        this.bumpGeneration();
      }
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

export function socketUrl(since: number | null): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const query = since === null ? '' : `?since=${since}`;
  return `${scheme}://${location.host}/api/socket${query}`;
}
