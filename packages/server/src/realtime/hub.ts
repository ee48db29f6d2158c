import type { SocketEvent as StoredEvent, SocketFrame } from '@tijara/protocol';

export interface SocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  readonly readyState: number;
}

const open = 1;

export interface Connection {
  socket: SocketLike;
  accountId: string;
  /** Highest event id sent; anything at or below it is never sent again. */
  lastSentId: number;
  /** Live events that arrive while the backlog is being replayed wait here. */
  pending: StoredEvent[] | null;
}

export interface SocketHub {
  /** Registers a socket that still has a backlog to replay; live events are held until `ready`. */
  attach(socket: SocketLike, accountId: string, since: number): Connection;
  replay(connection: Connection, events: StoredEvent[]): void;
  ready(connection: Connection): void;
  detach(connection: Connection): void;
  publish(event: StoredEvent, accountIds: Iterable<string>): void;
  publishEphemeral(frame: SocketFrame, accountIds: Iterable<string>): void;
  connectionCount(): number;
  closeAll(): void;
}

export function createSocketHub(): SocketHub {
  const byAccount = new Map<string, Set<Connection>>();

  const send = (connection: Connection, frame: SocketFrame) => {
    if (connection.socket.readyState === open) connection.socket.send(JSON.stringify(frame));
  };
  const deliver = (connection: Connection, event: StoredEvent) => {
    if (event.id <= connection.lastSentId) return;
    connection.lastSentId = event.id;
    send(connection, event);
  };

  return {
    attach(socket, accountId, since) {
      const connection: Connection = { socket, accountId, lastSentId: since, pending: [] };
      let set = byAccount.get(accountId);
      if (!set) byAccount.set(accountId, (set = new Set()));
      set.add(connection);
      return connection;
    },
    replay(connection, events) {
      for (const event of events) deliver(connection, event);
    },
    ready(connection) {
      const pending = connection.pending ?? [];
      connection.pending = null;
      for (const event of pending.sort((a, b) => a.id - b.id)) deliver(connection, event);
      send(connection, { type: 'ready', lastEventId: connection.lastSentId });
    },
    detach(connection) {
      const set = byAccount.get(connection.accountId);
      set?.delete(connection);
      if (set && set.size === 0) byAccount.delete(connection.accountId);
    },
    publish(event, accountIds) {
      for (const accountId of new Set(accountIds)) {
        for (const connection of byAccount.get(accountId) ?? []) {
          if (connection.pending) connection.pending.push(event);
          else deliver(connection, event);
        }
      }
    },
    publishEphemeral(frame, accountIds) {
      for (const accountId of new Set(accountIds)) {
        for (const connection of byAccount.get(accountId) ?? []) send(connection, frame);
      }
    },
    connectionCount() {
      let count = 0;
      for (const set of byAccount.values()) count += set.size;
      return count;
    },
    closeAll() {
      for (const set of byAccount.values()) for (const connection of set) connection.socket.close(1001, 'server shutting down');
      byAccount.clear();
    },
  };
}
