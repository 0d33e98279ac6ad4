/**
 * S5: what the kiosk knows of its link to the central, from the last exchange: any answer that
 * is not a 5xx means online; no answer, a timeout or a 5xx means offline. It also keeps the
 * offset between the central's clock (`serverTime`) and ours.
 */
import type { Clock } from '../support/clock'

export type LinkState = 'online' | 'offline'

export interface LinkSnapshot {
  readonly state: LinkState
  readonly lastContactAt: string | null
  /** Central time minus kiosk time, in milliseconds. */
  readonly clockOffsetMs: number
}

export class LinkMonitor {
  #state: LinkState = 'offline'
  #lastContactAt: string | null = null
  #clockOffsetMs = 0

  constructor(private readonly clock: Clock) {}

  recordAnswer(): void {
    this.#state = 'online'
    this.#lastContactAt = this.clock().toISOString()
  }

  recordNoAnswer(): void {
    this.#state = 'offline'
  }

  /** The server's time is taken as of the middle of the exchange. */
  recordServerTime(serverTime: string, sentAtMs: number, receivedAtMs: number): void {
    const server = Date.parse(serverTime)
    if (Number.isFinite(server)) this.#clockOffsetMs = Math.round(server - (sentAtMs + receivedAtMs) / 2)
  }

  snapshot(): LinkSnapshot {
    return { state: this.#state, lastContactAt: this.#lastContactAt, clockOffsetMs: this.#clockOffsetMs }
  }
}
