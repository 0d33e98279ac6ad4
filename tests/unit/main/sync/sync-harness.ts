/**
 * Helpers for the sync engine's tests: kiosks wired as in production (dispatch), over the real
 * reference central on 127.0.0.1 (booking-harness), with a switch that cuts the link and a
 * record of every request that reached the transport.
 */
import type { CentralRequest, CentralTransport } from '../../../../src-main/central/central-transport'
import type { TestKiosk } from '../support/test-kiosk'

/** The IPC operations of the sync engine (S6), proven on contract in s5-s6-desk-status.test.ts. */
export const SYNC_OPERATION_NAMES = ['listSyncIssues', 'acknowledgeSyncIssue'] as const

export interface Link {
  /** false: every request fails as if the network were down (nothing reaches the central). */
  up: boolean
  /** Requests that reached the central, in order. */
  readonly sent: CentralRequest[]
  wrap(base: CentralTransport): CentralTransport
}

export function createLink(): Link {
  const link: Link = {
    up: true,
    sent: [],
    wrap: (base) => async (request) => {
      if (!link.up) throw new TypeError('fetch failed')
      link.sent.push(request)
      return base(request)
    },
  }
  return link
}

export function sqlAll(kiosk: TestKiosk, sql: string, ...params: unknown[]): unknown[] {
  return kiosk.store.sqlite.prepare(sql).all(...params)
}

export function sqlGet<T>(kiosk: TestKiosk, sql: string, ...params: unknown[]): T {
  return kiosk.store.sqlite.prepare(sql).get(...params) as T
}
