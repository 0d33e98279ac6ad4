/**
 * S1: the central's answered bookings are stored the same way whether written through Kysely or,
 * while an outbox batch settles (transactionWithConnection, #8), through one prepared statement.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Booking } from '../../../../src-shared/schemas'
import { openBenchStore, type BenchStore } from '../../../../src-main/bench/bench-store'
import { upsertBookings } from '../../../../src-main/store/booking-repository'
import { heldConnection, transactionWithConnection } from '../../../../src-main/store/open-database'

const booking = (id: string, over: Partial<Booking> = {}): Booking => ({
  id,
  candidateId: 'C1',
  offeringId: '120010-1',
  subjectCode: '1',
  schoolCode: '12001',
  campusCode: '120010',
  feeCents: 3000,
  status: 'unpaid',
  createdAt: '2026-09-01T08:00:00.000+08:00',
  expiresAt: '2026-09-02T08:00:00.000+08:00',
  paidAt: null,
  endedAt: null,
  scoreReport: null,
  arrangement: 'unarranged',
  bookedVia: 'candidate',
  collectiveLocked: false,
  orderNo: null,
  ...over,
})

const answered = (prefix: string): Booking[] => [
  booking(`${prefix}1`),
  booking(`${prefix}2`, { candidateId: 'C2', subjectCode: 'F' }),
  // The same booking again, later in the batch: the later answer wins.
  booking(`${prefix}1`, { status: 'paid', paidAt: '2026-09-01T09:00:00.000+08:00', orderNo: 'O1', scoreReport: 'paper', collectiveLocked: true }),
]

describe('upsertBookings', () => {
  let dir: string
  let bench: BenchStore
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-upsert-'))
    bench = await openBenchStore(dir, 'kiosk.sqlite')
  })
  afterEach(async () => {
    await bench.store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const stored = (prefix: string) =>
    (bench.store.sqlite.prepare(`select * from bookings where booking_id like ? order by booking_id`).all(`${prefix}%`) as Record<string, unknown>[]).map(
      ({ booking_id, ...row }) => ({ id: String(booking_id).slice(prefix.length), ...row }),
    )

  it('S1 (#8): through the held connection exactly as through Kysely: types, canonical UTC instants, the later answer of an id winning', async () => {
    const at = new Date('2026-09-01T01:00:00.000Z')
    await bench.store.db.transaction().execute((trx) => upsertBookings(trx, answered('K-'), at))
    let held = false
    await transactionWithConnection(bench.store.db, async (trx) => {
      held = heldConnection(trx) !== undefined
      await upsertBookings(trx, answered('H-'), at)
    })
    expect(held).toBe(true)
    expect(stored('H-')).toEqual(stored('K-'))
    expect(stored('H-')).toEqual([
      expect.objectContaining({ id: '1', status: 'paid', collective_locked: 1, created_at: '2026-09-01T00:00:00.000Z', paid_at: '2026-09-01T01:00:00.000Z', order_no: 'O1', sync_state: 'synced' }),
      expect.objectContaining({ id: '2', candidate_id: 'C2', kind: 'oral', status: 'unpaid', paid_at: null }),
    ])
  })

  it('S1 (#8): the held connection is reachable only while its transaction runs, and a failed transaction leaves nothing', async () => {
    let trxSeen: object | undefined
    await expect(
      transactionWithConnection(bench.store.db, async (trx) => {
        trxSeen = trx
        await upsertBookings(trx, [booking('X-1')], new Date())
        throw new Error('settling failed')
      }),
    ).rejects.toThrow('settling failed')
    expect(heldConnection(trxSeen!)).toBeUndefined()
    expect(heldConnection(bench.store.db)).toBeUndefined()
    expect(stored('X-')).toEqual([])
  })
})
