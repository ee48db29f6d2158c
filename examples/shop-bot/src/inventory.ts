// Stock in memory. pre_checkout reserves one unit for a shopper; the payment turns the reservation
// into a sale. A reservation that no payment follows (declined card, closed sheet) lapses after
// `ttlMs`, checked lazily so there is no timer to stop.

interface Reservation {
  productId: string;
  holder: string;
  expiresAt: number;
}

export interface InventoryOptions {
  /** How long a pre_checkout holds a unit. Default 15 minutes. */
  ttlMs?: number;
  now?: () => number;
}

export class Inventory {
  readonly #stock = new Map<string, number>();
  readonly #reservations = new Map<string, Reservation>();
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(stock: Iterable<readonly [string, number]>, options: InventoryOptions = {}) {
    for (const [id, count] of stock) this.#stock.set(id, count);
    this.#ttlMs = options.ttlMs ?? 15 * 60_000;
    this.#now = options.now ?? Date.now;
  }

  /** Units on the shelf, reservations included. */
  onHand(productId: string): number {
    return this.#stock.get(productId) ?? 0;
  }

  /** Units nobody holds: what a new shopper can still buy. */
  available(productId: string, except?: string): number {
    this.#expire();
    let held = 0;
    for (const reservation of this.#reservations.values()) {
      if (reservation.productId === productId && reservation.holder !== except) held++;
    }
    return this.onHand(productId) - held;
  }

  /**
   * Holds one unit for `holder` (a PSID). Asking again (a retry after a declined card) renews the
   * same hold instead of taking a second unit. False when nothing is left.
   */
  reserve(productId: string, holder: string): boolean {
    const key = `${holder}\u0000${productId}`;
    if (!this.#reservations.has(key) && this.available(productId) < 1) return false;
    this.#reservations.set(key, { productId, holder, expiresAt: this.#now() + this.#ttlMs });
    return true;
  }

  /**
   * A paid unit leaves the shelf: the holder's reservation if there is one, else any free unit.
   * Returns false when the shelf was already empty (a payment without pre_checkout that lost the
   * race): the money is taken, so the sale stands and the merchant has to restock or refund.
   */
  commit(productId: string, holder: string): boolean {
    this.#reservations.delete(`${holder}\u0000${productId}`);
    const onHand = this.onHand(productId);
    if (onHand < 1) return false;
    this.#stock.set(productId, onHand - 1);
    return true;
  }

  #expire(): void {
    const now = this.#now();
    for (const [key, reservation] of this.#reservations) if (reservation.expiresAt <= now) this.#reservations.delete(key);
  }
}
