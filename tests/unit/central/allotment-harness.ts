/** Shortcuts for the change feed (S3) and seat allotment (S4) tests of the reference central. */
import type { Allotment, FeedChange } from '../../../src-shared/central/contract'
import { call, expectAnswer, type CallResult, type Harness } from './central-harness'
import { key } from './booking-harness'

export function allotCall(h: Harness, offeringId: string, seats: number, options: { token?: string; idempotencyKey?: string } = {}): Promise<CallResult> {
  return call(h, '/v1/allotments', { body: { offeringId, seats }, idempotencyKey: options.idempotencyKey ?? key(), token: options.token })
}

export async function allot(h: Harness, offeringId: string, seats: number, token?: string): Promise<Allotment> {
  return expectAnswer(await allotCall(h, offeringId, seats, { token }), 'requestAllotment').allotment
}

export function returnCall(h: Harness, allotmentId: string, token?: string): Promise<CallResult> {
  return call(h, `/v1/allotments/${allotmentId}/return`, { body: {}, idempotencyKey: key(), token })
}

export async function activeAllotments(h: Harness, token?: string): Promise<Allotment[]> {
  return expectAnswer(await call(h, '/v1/allotments', { token }), 'listAllotments').allotments
}

export function bookFromAllotmentCall(h: Harness, candidateId: string, offeringIds: string[], token?: string): Promise<CallResult> {
  return call(h, '/v1/bookings', { body: { candidateId, offeringIds, fromAllotment: true }, idempotencyKey: key(), token })
}

/** The whole feed after `after` for the token's device, following hasMore. */
export async function feed(h: Harness, options: { after?: string; token?: string; limit?: number } = {}): Promise<{ changes: FeedChange[]; nextAfter: string }> {
  const changes: FeedChange[] = []
  let after = options.after
  for (;;) {
    const q = new URLSearchParams()
    if (after !== undefined) q.set('after', after)
    if (options.limit !== undefined) q.set('limit', String(options.limit))
    const page = expectAnswer(await call(h, `/v1/changes?${q.toString()}`, { token: options.token }), 'listChanges')
    changes.push(...page.changes)
    after = page.nextAfter
    if (!page.hasMore) return { changes, nextAfter: page.nextAfter }
  }
}

export async function feedCursor(h: Harness, token?: string): Promise<string> {
  return expectAnswer(await call(h, '/v1/catalog', { token }), 'getCatalog').feedCursor
}
