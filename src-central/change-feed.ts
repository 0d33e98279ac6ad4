/**
 * S3: reading the change feed. The `changes` table (written by triggers, schema migration 4)
 * names what changed, in commit order; each entry served carries that entity's state as it is
 * now (state, not delta), scoped to the device's schools, allotments to their own device only.
 */
import type { Database } from 'better-sqlite3'
import { FEED_CURSOR_PATTERN, type FeedChange } from '../src-shared/central/contract'
import type { Registration } from '../src-shared/schemas'
import type { AllotmentStore } from './allotment-store'
import type { BookingStore } from './booking-store'
import type { Device } from './devices'
import type { OrderStore } from './order-store'
import type { WaitlistStore } from './waitlist-store'

interface ChangeRow {
  readonly seq: number
  readonly kind: FeedChange['kind']
  readonly entityKey: string
  readonly at: string
}

export interface FeedPage {
  readonly changes: FeedChange[]
  readonly nextAfter: string
  readonly hasMore: boolean
}

export interface ChangeFeed {
  /**
   * Entries after the cursor (null: from the beginning) for the device, at most `limit`, oldest
   * first; null when the cursor is not this feed's or the changes after it were pruned (410).
   */
  page(device: Device, after: string | null, limit: number): FeedPage | null
  /** The feed's current position (the highest seq written). */
  cursor(): string
  /** Retention: removes the changes written before `before`; returns how many. */
  prune(before: Date): number
}

export function changeFeed(
  db: Database,
  stores: { bookings: BookingStore; orders: OrderStore; waitlist: WaitlistStore; allotments: AllotmentStore },
): ChangeFeed {
  const rows = db.prepare<{ after: number; limit: number; schools: string; kioskId: string }, ChangeRow>(
    `SELECT seq, kind, entity_key AS entityKey, at FROM changes
     WHERE seq > @after AND school_code IN (SELECT value FROM json_each(@schools))
       AND (kind <> 'allotment' OR kiosk_id = @kioskId)
     ORDER BY seq LIMIT @limit`,
  )
  const maxSeq = db.prepare<[], number>(`SELECT COALESCE(MAX(seq), 0) FROM changes`).pluck()
  const feedState = db.prepare<[], { epoch: string; prunedThrough: number }>(`SELECT epoch, pruned_through AS prunedThrough FROM feed_state`)
  const lastBefore = db.prepare<[string], number | null>(`SELECT MAX(seq) FROM changes WHERE at < ?`).pluck()
  const pruneThrough = db.prepare<[number]>(`DELETE FROM changes WHERE seq <= ?`)
  const notePruned = db.prepare<[number]>(`UPDATE feed_state SET pruned_through = MAX(pruned_through, ?)`)
  const epoch = (): string => feedState.get()!.epoch
  const cursorAt = (seq: number): string => `${epoch()}.${seq}`

  /** The seq a cursor stands at, or null when it is not one this feed can go on from. */
  function seqOf(cursor: string | null): number | null {
    if (cursor === null) return feedState.get()!.prunedThrough === 0 ? 0 : null
    if (!FEED_CURSOR_PATTERN.test(cursor)) return null
    const [cursorEpoch, seqText] = cursor.split('.') as [string, string]
    const state = feedState.get()!
    const seq = Number(seqText)
    return cursorEpoch === state.epoch && seq >= state.prunedThrough ? seq : null
  }
  const seats = db.prepare<[string], { seatsLeft: number; capacity: number }>(
    `SELECT seats_left AS seatsLeft, capacity FROM offerings WHERE id = ?`,
  )
  const registration = db.prepare<[string], Registration>(
    `SELECT candidate_id AS candidateId, exam_session_id AS examSessionId, agreement_version AS agreementVersion,
       agreement_accepted_at AS agreementAcceptedAt, confirmed_at AS confirmedAt
     FROM registrations WHERE candidate_id = ?`,
  )
  const eligible = db.prepare<[string], string>(
    `SELECT eligible_subject_codes FROM roster_records WHERE candidate_id = ?`,
  ).pluck()

  /** The entity's state now; null when it no longer exists (never for the kinds that are kept). */
  function state(row: ChangeRow): FeedChange | null {
    const base = { seq: cursorAt(row.seq), at: row.at }
    const key = row.entityKey
    switch (row.kind) {
      case 'seats': {
        const s = seats.get(key)
        return s ? { ...base, kind: 'seats', offeringId: key, ...s } : null
      }
      case 'booking': {
        const booking = stores.bookings.booking(key)
        return booking ? { ...base, kind: 'booking', booking } : null
      }
      case 'order': {
        const order = stores.orders.order(key)
        return order ? { ...base, kind: 'order', order } : null
      }
      case 'waitlist': {
        const entry = stores.waitlist.entry(key)
        return entry ? { ...base, kind: 'waitlist', entry } : null
      }
      case 'registration':
        return { ...base, kind: 'registration', candidateId: key, registration: registration.get(key) ?? null }
      case 'eligibility': {
        const codes = eligible.get(key)
        return codes === undefined ? null : { ...base, kind: 'eligibility', candidateId: key, eligibleSubjectCodes: JSON.parse(codes) as string[] }
      }
      case 'allotment': {
        const allotment = stores.allotments.allotment(key)
        return allotment ? { ...base, kind: 'allotment', allotment } : null
      }
    }
  }

  return {
    page(device, cursor, limit) {
      const after = seqOf(cursor)
      if (after === null) return null
      const found = rows.all({ after, limit: limit + 1, schools: device.schoolCodesJson, kioskId: device.kioskId })
      const served = found.slice(0, limit)
      const changes: FeedChange[] = []
      for (const row of served) {
        const change = state(row)
        if (change) changes.push(change)
      }
      const last = served.at(-1)
      return { changes, nextAfter: cursorAt(last ? last.seq : after), hasMore: found.length > limit }
    },
    cursor: () => cursorAt(maxSeq.get() ?? 0),
    prune: db.transaction((before: Date): number => {
      const through = lastBefore.get(before.toISOString())
      if (through === null || through === undefined) return 0
      const removed = pruneThrough.run(through).changes
      notePruned.run(through)
      return removed
    }),
  }
}
