/**
 * W2, S3: the visit's waitlist as the central knows it now. The open 报名信息 page polls main;
 * while an entry waits, each poll asks the central, and when an entry has changed (候补成功,
 * ended by the system) the candidate's bookings are pulled too, so the promotion's unpaid booking
 * shows without reload. The central promotes and ends entries before it answers.
 */
import type { WaitlistEntry } from '../../../src-shared/schemas'
import { refreshCandidateBookings } from '../booking/booking-sync'
import type { ServiceContext } from '../service-context'
import { isOnline } from '../sync/link-state'
import { cachedWaitlist, rememberWaitlist, type WaitlistSnapshot } from './waitlist-cache'
import { noteWaitlistEntries } from './waitlist-promotions'

function changed(before: readonly WaitlistEntry[], after: readonly WaitlistEntry[]): boolean {
  const old = new Map(before.map((e) => [e.id, e.status]))
  return after.some((e) => old.has(e.id) && old.get(e.id) !== e.status)
}

/** Asks the central when nothing is known yet for the visit or an entry is still waiting. */
export async function refreshWaitlist(ctx: ServiceContext, visit: object, candidateId: string): Promise<WaitlistSnapshot | null> {
  const known = cachedWaitlist(visit, candidateId)
  if (known !== null && known.fresh && !known.entries.some((e) => e.status === 'waiting')) return known
  // S4: offline the page does not wait on the network; what is known is shown as possibly stale.
  const answer = isOnline(ctx)
    ? await ctx.central.call('listWaitlist', { params: { candidateId } })
    : ({ ok: false } as const)
  if (!answer.ok) {
    if (known === null) return null
    const stale = { ...known, fresh: false }
    rememberWaitlist(visit, stale)
    return stale
  }
  const snapshot: WaitlistSnapshot = { candidateId, entries: answer.value.entries, fresh: true }
  rememberWaitlist(visit, snapshot)
  // W2: a promotion since this desk last heard of the entry (this visit, an earlier one or the
  // feed) is audited once; the 日报表 counts 候补成功 from it.
  const heard = { at: ctx.clock(), operatorId: ctx.desk.operator?.id ?? null, addNew: true }
  await ctx.db.transaction().execute((trx) => noteWaitlistEntries(trx, snapshot.entries, heard))
  if (known !== null && changed(known.entries, snapshot.entries)) await refreshCandidateBookings(ctx, candidateId)
  return snapshot
}
