/**
 * S4: the kiosk counts its own free allotment seats as available: the central's public
 * `seatsLeft` no longer includes the seats it holds for this device.
 */
import type { Offering } from '../../../src-shared/schemas'
import { freeAllotmentSeats } from '../../store/allotment-repository'
import type { KioskDb } from '../../store/schema'

export async function withAllotmentSeats(db: KioskDb, offerings: readonly Offering[], now: Date): Promise<Offering[]> {
  const free = await freeAllotmentSeats(
    db,
    now,
    offerings.map((o) => o.id),
  )
  return offerings.map((o) => ({ ...o, seatsLeft: o.seatsLeft + (free.get(o.id) ?? 0) }))
}
