/**
 * Random record ids (bookings, waitlist entries, allotments): a prefix and 12 bytes from the
 * CSPRNG as hex. The bytes are drawn from a pool refilled 4 KiB at a time, because one
 * randomBytes call per id cost several microseconds, a noticeable share of a booking's work in a
 * batch (issue #8). Every byte is used once.
 */
import { randomFillSync } from 'node:crypto'

const ID_BYTES = 12
const pool = Buffer.alloc(ID_BYTES * 341)
let used = pool.length

export function randomId(prefix: string): string {
  if (used + ID_BYTES > pool.length) {
    randomFillSync(pool)
    used = 0
  }
  const hex = pool.toString('hex', used, used + ID_BYTES)
  pool.fill(0, used, used + ID_BYTES)
  used += ID_BYTES
  return `${prefix}${hex.toUpperCase()}`
}
