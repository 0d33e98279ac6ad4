/**
 * S4: this device's allotments as the central last reported them, and what of them is still
 * free at the desk: seats held minus the provisional local bookings not yet delivered.
 */
import type { Allotment } from '../../src-shared/central/contract'
import type { AllotmentRow, KioskDb } from './schema'

export async function upsertAllotments(db: KioskDb, allotments: readonly Allotment[], at: Date): Promise<void> {
  for (const a of allotments) {
    const values = {
      offering_id: a.offeringId,
      held: a.held,
      used: a.used,
      expires_at: a.expiresAt,
      status: a.status,
      updated_at: at.toISOString(),
    }
    await db
      .insertInto('allotments')
      .values({ id: a.id, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute()
  }
}

/** Active, unexpired allotments (as of `now`), by offering. */
export async function listActiveAllotments(db: KioskDb, now: Date): Promise<AllotmentRow[]> {
  return db
    .selectFrom('allotments')
    .selectAll()
    .where('status', '=', 'active')
    .where('expires_at', '>', now.toISOString())
    .orderBy('offering_id')
    .execute()
}

/** Free allotment seats per offering: held minus provisional bookings still waiting (never below 0). */
export async function freeAllotmentSeats(db: KioskDb, now: Date, offeringIds?: readonly string[]): Promise<Map<string, number>> {
  if (offeringIds !== undefined && offeringIds.length === 0) return new Map()
  let held = db
    .selectFrom('allotments')
    .select((eb) => ['offering_id', eb.fn.sum<number>('held').as('held')])
    .where('status', '=', 'active')
    .where('expires_at', '>', now.toISOString())
    .groupBy('offering_id')
  if (offeringIds !== undefined) held = held.where('offering_id', 'in', offeringIds)
  let provisional = db
    .selectFrom('bookings')
    .select((eb) => ['offering_id', eb.fn.countAll<number>().as('n')])
    .where('booking_id', 'like', 'local-%')
    .where('status', 'in', ['unpaid', 'paid'])
    .groupBy('offering_id')
  if (offeringIds !== undefined) provisional = provisional.where('offering_id', 'in', offeringIds)
  const used = new Map((await provisional.execute()).map((r) => [r.offering_id, Number(r.n)]))
  const free = new Map<string, number>()
  for (const r of await held.execute()) free.set(r.offering_id, Math.max(0, Number(r.held) - (used.get(r.offering_id) ?? 0)))
  return free
}
