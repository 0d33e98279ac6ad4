/**
 * S4: seats the central holds for one device on one offering. Every change runs inside the
 * caller's transaction and keeps the offering's counter true: seats_left + active bookings +
 * seats held by active allotments = capacity. Held seats come out of seats_left when granted and
 * go back when returned or expired; a booking drawn from an allotment moves one seat from held
 * to used and leaves seats_left alone.
 */
import type { Database } from 'better-sqlite3'
import { ALLOTMENT_LEASE_MS, type Allotment } from '../src-shared/central/contract'
import { randomId } from './random-id'

const ALLOTMENT_COLUMNS = `id, offering_id AS offeringId, held, used, expires_at AS expiresAt, status`

export type EndedAllotmentStatus = 'returned' | 'expired'

export interface AllotmentStore {
  allotment(id: string): Allotment | undefined
  /** The allotment when it is this device's. */
  ownAllotment(id: string, kioskId: string): Allotment | undefined
  /** The device's active allotment on the offering, if any. */
  activeFor(kioskId: string, offeringId: string): Allotment | undefined
  /** The device's active allotments, by offering. */
  activeOf(kioskId: string): Allotment[]
  /**
   * Tops the device's allotment on the offering up to `seats` held (never lowering it), taking
   * at most what the offering has free, and extends the lease to now + ALLOTMENT_LEASE_MS.
   * `grantable` false (W2: entries wait) grants nothing new but still extends.
   */
  topUp(kioskId: string, offeringId: string, seats: number, grantable: boolean, now: Date): Allotment
  /** Takes one held seat for a booking; false when the device holds none on the offering. */
  drawSeat(kioskId: string, offeringId: string): boolean
  /** Ends an active allotment and gives its held seats back to the offering; false when not active. */
  end(id: string, status: EndedAllotmentStatus, at: string): boolean
  /** Active allotments whose lease has run out by `at`. */
  lapsed(at: string): { id: string; offeringId: string; expiresAt: string }[]
}

export function allotmentStore(db: Database): AllotmentStore {
  const byId = db.prepare<[string], Allotment>(`SELECT ${ALLOTMENT_COLUMNS} FROM allotments WHERE id = ?`)
  const ownById = db.prepare<[string, string], Allotment>(
    `SELECT ${ALLOTMENT_COLUMNS} FROM allotments WHERE id = ? AND kiosk_id = ?`,
  )
  const active = db.prepare<[string, string], Allotment>(
    `SELECT ${ALLOTMENT_COLUMNS} FROM allotments WHERE kiosk_id = ? AND offering_id = ? AND status = 'active'`,
  )
  const activeOf = db.prepare<[string], Allotment>(
    `SELECT ${ALLOTMENT_COLUMNS} FROM allotments WHERE kiosk_id = ? AND status = 'active' ORDER BY offering_id`,
  )
  const insert = db.prepare(
    `INSERT INTO allotments (id, kiosk_id, offering_id, held, used, status, created_at, expires_at)
     VALUES (@id, @kioskId, @offeringId, 0, 0, 'active', @createdAt, @expiresAt)`,
  )
  const seatsLeft = db.prepare<[string], number>(`SELECT seats_left FROM offerings WHERE id = ?`).pluck()
  const takeSeats = db.prepare<{ id: string; n: number }>(
    `UPDATE offerings SET seats_left = seats_left - @n WHERE id = @id AND seats_left >= @n`,
  )
  const giveSeats = db.prepare<{ id: string; n: number }>(`UPDATE offerings SET seats_left = seats_left + @n WHERE id = @id`)
  const extend = db.prepare<{ id: string; add: number; expiresAt: string }>(
    `UPDATE allotments SET held = held + @add, expires_at = @expiresAt WHERE id = @id AND status = 'active'`,
  )
  const draw = db.prepare<[string]>(
    `UPDATE allotments SET held = held - 1, used = used + 1 WHERE id = ? AND status = 'active' AND held > 0`,
  )
  const finish = db.prepare<{ id: string; status: EndedAllotmentStatus; at: string }>(
    `UPDATE allotments SET status = @status, ended_at = @at, held = 0 WHERE id = @id AND status = 'active'`,
  )
  const lapsed = db.prepare<[string], { id: string; offeringId: string; expiresAt: string }>(
    `SELECT id, offering_id AS offeringId, expires_at AS expiresAt FROM allotments
     WHERE status = 'active' AND expires_at <= ? ORDER BY expires_at, id`,
  )

  function must(id: string): Allotment {
    const found = byId.get(id)
    if (!found) throw new Error(`allotment ${id} vanished`)
    return found
  }

  return {
    allotment: (id) => byId.get(id),
    ownAllotment: (id, kioskId) => ownById.get(id, kioskId),
    activeFor: (kioskId, offeringId) => active.get(kioskId, offeringId),
    activeOf: (kioskId) => activeOf.all(kioskId),
    topUp(kioskId, offeringId, seats, grantable, now) {
      const expiresAt = new Date(now.getTime() + ALLOTMENT_LEASE_MS).toISOString()
      let current = active.get(kioskId, offeringId)
      if (!current) {
        const id = randomId('A')
        insert.run({ id, kioskId, offeringId, createdAt: now.toISOString(), expiresAt })
        current = must(id)
      }
      const free = seatsLeft.get(offeringId) ?? 0
      const add = grantable ? Math.max(0, Math.min(seats - current.held, free)) : 0
      if (add > 0 && takeSeats.run({ id: offeringId, n: add }).changes !== 1) throw new Error('seat counter moved mid-transaction')
      extend.run({ id: current.id, add, expiresAt })
      return must(current.id)
    },
    drawSeat(kioskId, offeringId) {
      const current = active.get(kioskId, offeringId)
      return current !== undefined && draw.run(current.id).changes === 1
    },
    end(id, status, at) {
      const current = byId.get(id)
      if (current?.status !== 'active') return false
      finish.run({ id, status, at })
      if (current.held > 0) giveSeats.run({ id: current.offeringId, n: current.held })
      return true
    },
    lapsed: (at) => lapsed.all(at),
  }
}
