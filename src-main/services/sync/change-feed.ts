/**
 * S3: the change feed, pulled after the cursor kept in `meta`, page by page until the central
 * says there is no more. Each page and the new cursor are applied in ONE transaction, by upsert
 * (entries carry the entity's state, not a delta), so applying a page twice changes nothing.
 * Rows whose local change still waits in the outbox are the outbox's to settle (S4): the feed
 * does not overwrite them. A successful pull is the last successful sync (S5).
 */
import type { FeedChange } from '../../../src-shared/central/contract'
import type { CentralFailure, CentralResult } from '../../central/central-failure'
import { appendAudit } from '../../store/audit-repository'
import { upsertOfferings } from '../../store/catalog-repository'
import { upsertAllotments } from '../../store/allotment-repository'
import { findBooking, hasPendingBookingFor, listCandidatesHoldingBookings, upsertBookings } from '../../store/booking-repository'
import { getMeta, META_KEYS, setMeta } from '../../store/meta-repository'
import { upsertOrders } from '../../store/order-repository'
import { listPendingForCandidate } from '../../store/outbox-repository'
import { saveRegistration } from '../../store/registration-repository'
import { setEligibleSubjectCodes } from '../../store/roster-repository'
import type { KioskDb } from '../../store/schema'
import { refreshCandidateBookings } from '../booking/booking-sync'
import { removeLocalRegistration } from '../booking/registration-deletion'
import type { ServiceContext } from '../service-context'
import { noteWaitlistEntries } from '../waitlist/waitlist-promotions'

export const FEED_PAGE_SIZE = 500
/** Pages one pull may apply; the next pull goes on from the cursor. */
const MAX_PAGES_PER_PULL = 20

async function applyChange(trx: KioskDb, change: FeedChange, at: Date): Promise<void> {
  const when = at.toISOString()
  switch (change.kind) {
    case 'seats':
      await trx
        .updateTable('offerings')
        .set({ seats_left: change.seatsLeft, capacity: change.capacity, updated_at: when })
        .where('id', '=', change.offeringId)
        .execute()
      return
    case 'booking': {
      const b = change.booking
      const local = await findBooking(trx, b.id)
      if (local?.pendingSync === true) return
      // A provisional booking of this offering is replaced by its delivery, which maps the ids.
      if (local === null && (await hasPendingBookingFor(trx, b.candidateId, b.offeringId))) return
      await upsertBookings(trx, [b], at)
      return
    }
    case 'order':
      await upsertOrders(trx, [change.order], at)
      return
    case 'waitlist':
      // The queue is the central's alone; the desk asks for the visit's entries (W2–W4). What the
      // feed adds: a promotion of an entry this desk handled is audited once (W2, 日报表).
      await noteWaitlistEntries(trx, [change.entry], { at, operatorId: null, addNew: false })
      return
    case 'registration': {
      if ((await listPendingForCandidate(trx, change.candidateId)).length > 0) return
      if (change.registration === null) await removeLocalRegistration(trx, change.candidateId)
      else await saveRegistration(trx, { ...change.registration, confirmedByOperatorId: null, visitId: null })
      return
    }
    case 'eligibility':
      await setEligibleSubjectCodes(trx, change.candidateId, change.eligibleSubjectCodes)
      return
    case 'allotment':
      await upsertAllotments(trx, [change.allotment], at)
      return
  }
}

export interface FeedReport {
  readonly applied: number
  readonly complete: boolean
}

/** Applies one page and its cursor together (exported for the S3 "applied twice" test). */
export async function applyFeedPage(db: KioskDb, changes: readonly FeedChange[], nextAfter: string, at: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const change of changes) await applyChange(trx, change, at)
    await setMeta(trx, META_KEYS.feedCursor, nextAfter)
  })
}

/**
 * S3: the central cannot go on from this kiosk's cursor (410 FEED_RESET: the kiosk was away
 * longer than the feed keeps changes, or the central's database was recreated). Start again from
 * a snapshot: the catalog's seats and its cursor together, then what the central holds now for
 * every candidate with an active booking here (anyone else is asked at their next visit, as
 * always). Allotments are the keeper's, which asks for them on its own round.
 */
async function restartFeed(ctx: ServiceContext): Promise<CentralResult<FeedReport>> {
  const catalog = await ctx.central.getCatalog()
  if (!catalog.ok) return catalog
  const at = ctx.clock()
  await ctx.db.transaction().execute(async (trx) => {
    await upsertOfferings(trx, catalog.value.offerings, at)
    await setMeta(trx, META_KEYS.feedCursor, catalog.value.feedCursor)
    await appendAudit(trx, { at, operatorId: null, candidateId: null, action: 'sync.feed-reset', outcome: 'ok', detail: `feed restarted at ${catalog.value.feedCursor}` })
  })
  ctx.logger.warn(`change feed restarted from a snapshot at ${catalog.value.feedCursor}`)
  const candidates = await listCandidatesHoldingBookings(ctx.db)
  for (const candidateId of candidates) {
    const refreshed = await refreshCandidateBookings(ctx, candidateId)
    if (!refreshed.ok && refreshed.failure.kind === 'retryable') return refreshed
  }
  return { ok: true, value: { applied: 0, complete: false } }
}

const isFeedReset = (failure: CentralFailure) => failure.kind === 'final' && failure.code === 'FEED_RESET'

export async function pullChangeFeed(ctx: ServiceContext): Promise<CentralResult<FeedReport>> {
  let applied = 0
  for (let page = 0; page < MAX_PAGES_PER_PULL; page++) {
    const after = await getMeta(ctx.db, META_KEYS.feedCursor)
    const answer = await ctx.central.listChanges(after, FEED_PAGE_SIZE)
    if (!answer.ok) return isFeedReset(answer.failure) ? restartFeed(ctx) : answer
    const { changes, nextAfter, hasMore } = answer.value
    await applyFeedPage(ctx.db, changes, nextAfter, ctx.clock())
    applied += changes.length
    if (!hasMore) {
      await setMeta(ctx.db, META_KEYS.lastSyncAt, ctx.clock().toISOString())
      return { ok: true, value: { applied, complete: true } }
    }
  }
  await setMeta(ctx.db, META_KEYS.lastSyncAt, ctx.clock().toISOString())
  return { ok: true, value: { applied, complete: false } }
}
