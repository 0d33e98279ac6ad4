import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ALLOTMENT_LEASE_MS } from '../../../src-shared/central/contract'
import { activeAllotments, allot, allotCall, bookFromAllotmentCall, feed, feedCursor, returnCall } from './allotment-harness'
import { at, bookCall, bookingsOf, confirm, key, LAN, seatsLeft, WANG } from './booking-harness'
import { call, expectAnswer, expectError, startHarness, T0, type Harness } from './central-harness'
import { entriesOf, wait } from './waitlist-harness'

describe('central seat allotments (S4)', () => {
  let h: Harness
  let dir: string | undefined
  afterEach(async () => {
    await h.central.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
    dir = undefined
  })

  /** A central on a file, with `seatsLeft` set on an offering through a side connection. */
  async function withSeats(offeringId: string, left: number, candidates: number = 0): Promise<string[]> {
    dir = mkdtempSync(join(tmpdir(), 'central-allot-'))
    const path = join(dir, 'central.sqlite')
    h = await startHarness({ dbPath: path })
    const ids = Array.from({ length: candidates }, (_, i) => `C12001-RACE${i}`)
    const side = new Database(path)
    try {
      side.prepare(`UPDATE offerings SET seats_left = ? WHERE id = ?`).run(left, offeringId)
      const copy = side.prepare(
        `INSERT INTO roster_records SELECT ?, exam_session_id, id_type, ?, name, gender, phone, school_code, campus_code,
           education_level, schooling_years, enrollment_year, grade, department, major, class_name, ?, remarks,
           eligible_subject_codes, updated_at FROM roster_records WHERE candidate_id = ?`,
      )
      for (const [i, id] of ids.entries()) copy.run(id, `9900000000${i}`, `RACE${i}`, LAN)
    } finally {
      side.close()
    }
    return ids
  }

  it('S4: a grant takes held seats out of the public seats left; asking again tops up to the number, never lowers, and extends the lease', async () => {
    h = await startHarness()
    const granted = expectAnswer(await allotCall(h, '120010-1', 5), 'requestAllotment')
    expect(granted.allotment).toMatchObject({
      offeringId: '120010-1',
      held: 5,
      used: 0,
      status: 'active',
      expiresAt: new Date(T0.getTime() + ALLOTMENT_LEASE_MS).toISOString(),
    })
    expect(granted.seats).toEqual([{ offeringId: '120010-1', seatsLeft: 295 }])
    expect(await seatsLeft(h, '120010-1')).toBe(295)
    expect(await activeAllotments(h)).toEqual([granted.allotment])

    at(h, 60_000)
    const again = await allot(h, '120010-1', 8)
    expect(again).toMatchObject({ id: granted.allotment.id, held: 8, expiresAt: new Date(T0.getTime() + 60_000 + ALLOTMENT_LEASE_MS).toISOString() })
    const lower = await allot(h, '120010-1', 2)
    expect(lower).toMatchObject({ id: granted.allotment.id, held: 8 })
    expect(await seatsLeft(h, '120010-1')).toBe(292)
    // Another device has its own allotment and list.
    expect(await activeAllotments(h, h.nankaiToken)).toEqual([])
  })

  it('S4: a grant is capped by the seats the offering has free; a full offering grants none', async () => {
    await withSeats('120010-5', 2)
    expect(await allot(h, '120010-5', 5)).toMatchObject({ held: 2 })
    expect(await seatsLeft(h, '120010-5')).toBe(0)
    expect(await allot(h, '120010-5', 5, h.nankaiToken)).toMatchObject({ held: 0, status: 'active' })
    expect(await allot(h, '120010-4', 3)).toMatchObject({ held: 0 })
  })

  it('S4/B1: a booking fromAllotment takes the device held seat (held-1, used+1) and leaves the public seats alone; then the pool; then NO_SEATS changes nothing', async () => {
    const [a, b, c] = await withSeats('120010-5', 1, 3)
    for (const id of [a, b, c]) await confirm(h, id ?? '')
    await allot(h, '120010-5', 1)
    expect(await seatsLeft(h, '120010-5')).toBe(0)

    const first = expectAnswer(await bookFromAllotmentCall(h, a ?? '', ['120010-5']), 'createBookings')
    expect(first.allotments).toEqual([expect.objectContaining({ offeringId: '120010-5', held: 0, used: 1 })])
    expect(first.seats).toEqual([{ offeringId: '120010-5', seatsLeft: 0 }])
    // Nothing held, nothing in the pool: refused, and the submission left no trace.
    const refused = await bookFromAllotmentCall(h, b ?? '', ['120010-2', '120010-5'])
    expectError(refused, 409, 'NO_SEATS')
    expect((await bookingsOf(h, b ?? '')).bookings).toEqual([])
    expect(await seatsLeft(h, '120010-2')).toBe(300)
    expect((await activeAllotments(h))[0]).toMatchObject({ held: 0, used: 1 })
  })

  it('S4: without fromAllotment a device that holds seats still books from the pool; a mixed submission draws only where it holds seats', async () => {
    h = await startHarness()
    await confirm(h, LAN)
    await confirm(h, WANG)
    await allot(h, '120010-1', 3)
    const plain = expectAnswer(await bookCall(h, WANG, ['120011-1']), 'createBookings')
    expect(plain.allotments).toEqual([])
    expect((await activeAllotments(h))[0]).toMatchObject({ held: 3, used: 0 })
    const mixed = expectAnswer(await bookFromAllotmentCall(h, LAN, ['120010-1', '120010-2']), 'createBookings')
    expect(mixed.allotments).toEqual([expect.objectContaining({ offeringId: '120010-1', held: 2, used: 1 })])
    expect(mixed.seats).toEqual([
      { offeringId: '120010-1', seatsLeft: 297 },
      { offeringId: '120010-2', seatsLeft: 299 },
    ])
  })

  it('B5/S4: cancelling a booking drawn from an allotment returns its seat to the pool, not to the allotment', async () => {
    h = await startHarness()
    await confirm(h, LAN)
    await allot(h, '120010-2', 2)
    const b = expectAnswer(await bookFromAllotmentCall(h, LAN, ['120010-2']), 'createBookings').bookings[0]
    expect(await seatsLeft(h, '120010-2')).toBe(298)
    expectAnswer(await call(h, `/v1/bookings/${b?.id}/cancel`, { body: { candidateId: LAN }, idempotencyKey: key() }), 'cancelBooking')
    expect(await seatsLeft(h, '120010-2')).toBe(299)
    expect((await activeAllotments(h))[0]).toMatchObject({ held: 1, used: 1 })
  })

  it('S4: returning gives the held seats back; returning again is a no-op; another device\'s or an unknown allotment is 404', async () => {
    h = await startHarness()
    const a = await allot(h, '120010-1', 4)
    expectError(await returnCall(h, a.id, h.nankaiToken), 404, 'NOT_FOUND')
    expectError(await returnCall(h, 'A-nope'), 404, 'NOT_FOUND')
    const back = expectAnswer(await returnCall(h, a.id), 'returnAllotment')
    expect(back.allotment).toMatchObject({ id: a.id, status: 'returned', held: 0 })
    expect(back.seats).toEqual([{ offeringId: '120010-1', seatsLeft: 300 }])
    const twice = expectAnswer(await returnCall(h, a.id), 'returnAllotment')
    expect(twice.allotment).toEqual(back.allotment)
    expect(twice.seats).toEqual(back.seats)
    expect(await activeAllotments(h)).toEqual([])
    // A new request after a return starts a new allotment.
    expect((await allot(h, '120010-1', 1)).id).not.toBe(a.id)
  })

  it('S4/W2: when a lease runs out the sweep takes the held seats back and the waiting entries get them first', async () => {
    await withSeats('120010-4', 2)
    await confirm(h, LAN)
    const a = await allot(h, '120010-4', 2)
    expect(await seatsLeft(h, '120010-4')).toBe(0)
    const entry = await wait(h, LAN, '120010-4')
    // W2: while someone waits, the allotment is not topped up (the lease is still extended).
    expect(await allot(h, '120010-4', 5)).toMatchObject({ held: 2 })
    const cursor = await feedCursor(h)
    at(h, ALLOTMENT_LEASE_MS + 1)
    expect(await activeAllotments(h)).toEqual([])
    expect((await entriesOf(h, LAN))[0]).toMatchObject({ id: entry.id, status: 'promoted' })
    expect(await seatsLeft(h, '120010-4')).toBe(1)
    const changes = (await feed(h, { after: cursor })).changes
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'allotment', allotment: expect.objectContaining({ id: a.id, status: 'expired', held: 0 }) as unknown }))
  })

  it('S4/W2: a returned allotment\'s seats go to the first waiting entry', async () => {
    await withSeats('120010-4', 1)
    await confirm(h, LAN)
    const a = await allot(h, '120010-4', 1)
    const entry = await wait(h, LAN, '120010-4')
    const back = expectAnswer(await returnCall(h, a.id), 'returnAllotment')
    expect(back.seats).toEqual([{ offeringId: '120010-4', seatsLeft: 0 }])
    expect((await entriesOf(h, LAN))[0]).toMatchObject({ id: entry.id, status: 'promoted' })
  })

  it('S2/S4: the same Idempotency-Key tops up once and returns the first answer; with another body it is refused', async () => {
    h = await startHarness()
    const first = await allotCall(h, '120010-1', 3, { idempotencyKey: 'allot-1' })
    const replay = await allotCall(h, '120010-1', 3, { idempotencyKey: 'allot-1' })
    expect(replay.text).toBe(first.text)
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
    expectError(await allotCall(h, '120010-1', 4, { idempotencyKey: 'allot-1' }), 409, 'IDEMPOTENCY_MISMATCH')
    expect(await seatsLeft(h, '120010-1')).toBe(297)
  })

  it('S4: bad requests are refused clearly and change nothing (400 seats out of range, 404 unknown or other school, 422 window closed)', async () => {
    h = await startHarness({ registrationGraceMs: 60 * 24 * 3_600_000 })
    expectError(await allotCall(h, '120010-1', 0), 400, 'BAD_REQUEST')
    expectError(await allotCall(h, '120010-1', 21), 400, 'BAD_REQUEST')
    expectError(await allotCall(h, 'nope', 1), 404, 'NOT_FOUND')
    expectError(await allotCall(h, '993010-1', 1, { token: h.nankaiToken }), 404, 'NOT_FOUND')
    expectError(await call(h, '/v1/allotments', { body: { offeringId: '120010-1', seats: 1 } }), 400, 'BAD_REQUEST')
    expect(await activeAllotments(h)).toEqual([])
    expect(await seatsLeft(h, '120010-1')).toBe(300)
    at(h, 31 * 24 * 3_600_000)
    const closed = expectError(await allotCall(h, '120010-1', 1), 422, 'WINDOW_CLOSED')
    expect(closed.message).toBe('该校区不在报名时间内，不能预留名额。')
  })

  it('S4/B1: 8 kiosks race with allotments and the pool for the last 10 seats of one offering: 0 overbooked', async () => {
    const offering = '120010-5'
    const candidates = await withSeats(offering, 10, 48)
    for (const id of candidates) await confirm(h, id)
    const tokens = Array.from({ length: 8 }, (_, i) => h.central.issueDeviceToken(`K-RACE-${i}`, ['12001']))
    // Each kiosk asks for 3 seats while its 6 candidates book: 3 from its allotment, 3 from the pool.
    const results = await Promise.all(
      tokens.flatMap((token, k) => [
        allotCall(h, offering, 3, { token }),
        ...candidates
          .slice(k * 6, k * 6 + 6)
          .map((id, i) => (i % 2 === 0 ? bookFromAllotmentCall(h, id, [offering], token) : bookCall(h, id, [offering], { token }))),
      ]),
    )
    const booked = results.filter((r) => r.status === 200 && (r.json as { bookings?: unknown }).bookings !== undefined).length
    for (const r of results) if (r.status !== 200) expectError(r, 409, 'NO_SEATS')
    const held = (await Promise.all(tokens.map((t) => activeAllotments(h, t)))).flat().reduce((sum, a) => sum + a.held, 0)
    const left = await seatsLeft(h, offering)
    expect(left).toBeGreaterThanOrEqual(0)
    expect(booked + held + left).toBe(10)
    expect(booked).toBeGreaterThan(0)
    const active = (await Promise.all(candidates.map((id) => bookingsOf(h, id)))).flatMap((b) => b.bookings)
    expect(active.filter((b) => b.offeringId === offering)).toHaveLength(booked)
    // Each kiosk returns what it still holds: every seat is accounted for again.
    for (const token of tokens) for (const a of await activeAllotments(h, token)) expectAnswer(await returnCall(h, a.id, token), 'returnAllotment')
    expect(await seatsLeft(h, offering)).toBe(10 - booked)
  })
})
