/**
 * Helpers for the sync engine's tests: kiosks wired as in production (dispatch), over the real
 * reference central on 127.0.0.1 (booking-harness), with a switch that cuts the link and a
 * record of every request that reached the transport.
 */
import type { CentralRequest, CentralTransport } from '../../../../src-main/central/central-transport'
import { endpoints, type EndpointRequest } from '../../../../src-shared/central/contract'
import type { TestKiosk } from '../support/test-kiosk'

/** The IPC operations of the sync engine (S6), proven on contract in s5-s6-desk-status.test.ts. */
export const SYNC_OPERATION_NAMES = ['listSyncIssues', 'acknowledgeSyncIssue'] as const

export interface Link {
  /** false: every request fails as if the network were down (nothing reaches the central). */
  up: boolean
  /**
   * Requests that reached the central, in order; a /v1/batch request counts as its items, each
   * with its own Idempotency-Key header, as if sent alone.
   */
  readonly sent: CentralRequest[]
  /** The /v1/batch requests themselves, in order. */
  readonly batches: { readonly requests: BatchItem[] }[]
  wrap(base: CentralTransport): CentralTransport
}

type BatchItem = EndpointRequest<'deliverBatch'>['requests'][number]

export function createLink(): Link {
  const link: Link = {
    up: true,
    sent: [],
    batches: [],
    wrap: (base) => async (request) => {
      if (!link.up) throw new TypeError('fetch failed')
      if (request.path === endpoints.deliverBatch.path) {
        const { requests } = request.body as { requests: BatchItem[] }
        link.batches.push({ requests })
        for (const item of requests)
          link.sent.push({ method: item.method, path: item.path, headers: { ...request.headers, 'idempotency-key': item.idempotencyKey }, body: item.body })
      } else link.sent.push(request)
      return base(request)
    },
  }
  return link
}

/**
 * S2: the link, with the first answer to `path` lost after the central committed it (the kiosk
 * never hears it, as when the kiosk crashes or the connection drops before the answer arrives).
 */
export function losingFirstAnswer(link: Link, path: string): (base: CentralTransport) => CentralTransport {
  let lose = true
  return (base) => async (request) => {
    const response = await link.wrap(base)(request)
    if (request.path === path && lose) {
      lose = false
      throw new TypeError('fetch failed')
    }
    return response
  }
}

export function sqlAll(kiosk: TestKiosk, sql: string, ...params: unknown[]): unknown[] {
  return kiosk.store.sqlite.prepare(sql).all(...params)
}

export function sqlGet<T>(kiosk: TestKiosk, sql: string, ...params: unknown[]): T {
  return kiosk.store.sqlite.prepare(sql).get(...params) as T
}
