import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { call, expectAnswer, expectError, startHarness, T0, type Harness } from './central-harness'
import { at, book, bookCall, bookingsOf, chooseReport, confirm, HOUR, key, LAN, pay, order, seatsLeft, WANG } from './booking-harness'

describe('central bookings', () => {
  let h: Harness
  let dir: string | undefined
  afterEach(async () => {
    await h.central.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
    dir = undefined
  })

  it('B1/B4/B7: booking takes a seat and is unpaid, expiring 24 h later, with its B7 facts', async () => {
    h = await startHarness()
    await confirm(h, LAN)
    expect(await seatsLeft(h, '120010-1')).toBe(300)
    const result = expectAnswer(await bookCall(h, LAN, ['120010-1']), 'createBookings')
    expect(result.seats).toEqual([{ offeringId: '120010-1', seatsLeft: 299 }])
    expect(result.bookings).toEqual([
      expect.objectContaining({
        candidateId: LAN,
        offeringId: '120010-1',
        subjectCode: '1',
        schoolCode: '12001',
        campusCode: '120010',
        feeCents: 10,
        status: 'unpaid',
        createdAt: T0.toISOString(),
        expiresAt: new Date(T0.getTime() + 24 * HOUR).toISOString(),
        paidAt: null,
        scoreReport: null,
        arrangement: 'unarranged',
        bookedVia: 'candidate',
        collectiveLocked: false,
        orderNo: null,
      }),
    ])
    expect(await seatsLeft(h, '120010-1')).toBe(299)
    expect((await bookingsOf(h, LAN)).bookings.map((b) => b.subjectCode)).toEqual(['1'])
  })

  it('B2: a second level-4 written subject is refused with 409 LEVEL_TAKEN and takes no seat', async () => {
    h = await startHarness()
    await confirm(h, LAN)
    await book(h, LAN, '120010-1')
    const error = expectError(await bookCall(h, LAN, ['120010-5']), 409, 'LEVEL_TAKEN')
    expect(error.message).toBe('已报考英语四级笔试，同一级别只能报考一个笔试科目。')
    expect(await seatsLeft(h, '120010-5')).toBe(50)
  })

  it('B1: a submission is all or nothing: a full offering refuses the whole of it', async () => {
    h = await startHarness()
    await confirm(h, LAN)
    const error = expectError(await bookCall(h, LAN, ['120010-1', '120010-4']), 409, 'NO_SEATS')
    expect(error.message).toBe('日语六级笔试在该校区已无剩余容量。')
    expect(await seatsLeft(h, '120010-1')).toBe(300)
    expect((await bookingsOf(h, LAN)).bookings).toEqual([])
  })

  it('B1: not eligible is 422 NOT_ELIGIBLE; unknown offering 404; another school\'s offering refused', async () => {
    h = await startHarness()
    await confirm(h, WANG)
    expectError(await bookCall(h, WANG, ['120010-5']), 422, 'NOT_ELIGIBLE')
    expectError(await bookCall(h, WANG, ['nope']), 404, 'NOT_FOUND')
    expectError(await bookCall(h, WANG, ['993010-1']), 422, 'NOT_ELIGIBLE')
    expectError(await bookCall(h, WANG, ['120011-1', '120011-1']), 400, 'BAD_REQUEST')
  })

  it('B1: outside the registration window booking is refused with 422 WINDOW_CLOSED', async () => {
    // A long B6 grace keeps the idle registration alive until the window has closed.
    h = await startHarness({ registrationGraceMs: 60 * 24 * HOUR })
    await confirm(h, LAN)
    at(h, 31 * 24 * HOUR)
    const error = expectError(await bookCall(h, LAN, ['120010-1']), 422, 'WINDOW_CLOSED')
    expect(error.message).toBe('该校区报名时间已结束，不能报考。')
  })

  it('E4/B1: booking needs a confirmed registration', async () => {
    h = await startHarness()
    expectError(await bookCall(h, LAN, ['120010-1']), 404, 'NOT_FOUND')
  })

  it('B3: oral before the written is paid is refused with 409 WRITTEN_NOT_PAID; after paying it books', async () => {
    h = await startHarness()
    await confirm(h, LAN)
    const error = expectError(await bookCall(h, LAN, ['120010-F']), 409, 'WRITTEN_NOT_PAID')
    expect(error.message).toBe('请先报考并支付英语四级笔试，再报考英语四级口试。')
    const written = await book(h, LAN, '120010-1')
    expectError(await bookCall(h, LAN, ['120010-F']), 409, 'WRITTEN_NOT_PAID')
    await chooseReport(h, LAN, written.id)
    expect((await pay(h, (await order(h, LAN, 'written')).orderNo)).status).toBe(200)
    const oral = await book(h, LAN, '120010-F')
    expect(oral).toMatchObject({ subjectCode: 'F', status: 'unpaid', scoreReport: null })
  })

  it('B3: oral only at a campus the school allows for the candidate\'s campus', async () => {
    h = await startHarness()
    await confirm(h, WANG)
    const written = await book(h, WANG, '120011-1')
    await chooseReport(h, WANG, written.id, 'electronic')
    await pay(h, (await order(h, WANG, 'written')).orderNo)
    // 120010 allows students of 120011: bookable.
    await book(h, WANG, '120010-F')
  })

  it('S2: the same Idempotency-Key books once and takes one seat', async () => {
    h = await startHarness()
    await confirm(h, LAN)
    const first = await bookCall(h, LAN, ['120010-1'], { idempotencyKey: 'same' })
    const again = await bookCall(h, LAN, ['120010-1'], { idempotencyKey: 'same' })
    expect(again.text).toBe(first.text)
    expect(await seatsLeft(h, '120010-1')).toBe(299)
  })

  it('B1: 8 parallel bookings from two kiosks for the last seat: exactly one succeeds', async () => {
    dir = mkdtempSync(join(tmpdir(), 'central-seat-'))
    const path = join(dir, 'central.sqlite')
    h = await startHarness({ dbPath: path })
    const ids = Array.from({ length: 8 }, (_, i) => `C12001-RACE${i}`)
    const side = new Database(path)
    try {
      side.prepare(`UPDATE offerings SET seats_left = 1 WHERE id = '120010-1'`).run()
      const copy = side.prepare(
        `INSERT INTO roster_records SELECT ?, exam_session_id, id_type, ? , name, gender, phone, school_code, campus_code,
           education_level, schooling_years, enrollment_year, grade, department, major, class_name, ?, remarks,
           eligible_subject_codes, updated_at FROM roster_records WHERE candidate_id = ?`,
      )
      for (const [i, id] of ids.entries()) copy.run(id, `9900000000${i}`, `RACE${i}`, LAN)
    } finally {
      side.close()
    }
    for (const id of ids) await confirm(h, id)
    const results = await Promise.all(
      ids.map((id, i) => bookCall(h, id, ['120010-1'], { token: i % 2 === 0 ? h.nankaiToken : h.bothToken })),
    )
    const statuses = results.map((r) => r.status).sort()
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409])
    for (const r of results.filter((x) => x.status === 409)) expectError(r, 409, 'NO_SEATS')
    expect(await seatsLeft(h, '120010-1')).toBe(0)
  })

  it('B5: cancelling an unpaid booking returns its seat; cancelling again is 409 BOOKING_GONE', async () => {
    h = await startHarness()
    await confirm(h, LAN)
    const b = await book(h, LAN, '120010-2')
    at(h, HOUR)
    const cancelled = expectAnswer(
      await call(h, `/v1/bookings/${b.id}/cancel`, { body: { candidateId: LAN }, idempotencyKey: key() }),
      'cancelBooking',
    )
    expect(cancelled.booking).toMatchObject({ status: 'cancelled', endedAt: new Date(T0.getTime() + HOUR).toISOString() })
    expect(cancelled.seats).toEqual([{ offeringId: '120010-2', seatsLeft: 300 }])
    expect((await bookingsOf(h, LAN)).bookings).toEqual([])
    expectError(await call(h, `/v1/bookings/${b.id}/cancel`, { body: { candidateId: LAN }, idempotencyKey: key() }), 409, 'BOOKING_GONE')
    // The level is free again (B2).
    await book(h, LAN, '120011-4')
  })

  it('B5: a paid booking is never cancelled', async () => {
    h = await startHarness()
    await confirm(h, LAN)
    const written = await book(h, LAN, '120010-1')
    await chooseReport(h, LAN, written.id)
    await pay(h, (await order(h, LAN, 'written')).orderNo)
    const error = expectError(
      await call(h, `/v1/bookings/${written.id}/cancel`, { body: { candidateId: LAN }, idempotencyKey: key() }),
      409,
      'PAID_NOT_CANCELLABLE',
    )
    expect(error.message).toBe('已支付科目不可取消报考。')
  })

  it('B5: a booking locked by collective payment cannot be cancelled', async () => {
    dir = mkdtempSync(join(tmpdir(), 'central-lock-'))
    const path = join(dir, 'central.sqlite')
    h = await startHarness({ dbPath: path })
    await confirm(h, LAN)
    const b = await book(h, LAN, '120010-1')
    const side = new Database(path)
    side.prepare(`UPDATE bookings SET collective_locked = 1, booked_via = 'collective' WHERE id = ?`).run(b.id)
    side.close()
    expect((await bookingsOf(h, LAN)).bookings[0]).toMatchObject({ collectiveLocked: true, bookedVia: 'collective' })
    expectError(await call(h, `/v1/bookings/${b.id}/cancel`, { body: { candidateId: LAN }, idempotencyKey: key() }), 409, 'COLLECTIVE_LOCKED')
  })

  it('B5: another candidate\'s booking is not found', async () => {
    h = await startHarness()
    await confirm(h, LAN)
    await confirm(h, WANG)
    const b = await book(h, LAN, '120010-1')
    expectError(await call(h, `/v1/bookings/${b.id}/cancel`, { body: { candidateId: WANG }, idempotencyKey: key() }), 404, 'NOT_FOUND')
  })

  it('R1: the score-report choice is saved on written bookings only', async () => {
    h = await startHarness()
    await confirm(h, LAN)
    const written = await book(h, LAN, '120010-1')
    expect(await chooseReport(h, LAN, written.id, 'paper')).toMatchObject({ scoreReport: 'paper' })
    expect(await chooseReport(h, LAN, written.id, 'electronic')).toMatchObject({ scoreReport: 'electronic' })
    expectError(
      await call(h, `/v1/bookings/${written.id}/score-report`, { body: { candidateId: LAN, choice: 'paper ' }, idempotencyKey: key() }),
      400,
      'BAD_REQUEST',
    )
  })

  it('B6: staff delete a registration with nothing paid: unpaid bookings go and seats return', async () => {
    h = await startHarness()
    await confirm(h, LAN)
    await book(h, LAN, '120010-1')
    const deleted = expectAnswer(
      await call(h, `/v1/registrations/${LAN}/delete`, { body: {}, idempotencyKey: key() }),
      'deleteRegistration',
    )
    expect(deleted.seats).toEqual([{ offeringId: '120010-1', seatsLeft: 300 }])
    expectError(await call(h, `/v1/registrations/${LAN}`), 404, 'NOT_FOUND')
    expect((await bookingsOf(h, LAN)).bookings).toEqual([])
    expectError(await bookCall(h, LAN, ['120010-1']), 404, 'NOT_FOUND')
  })

  it('B6: deleting a registration with anything paid is refused with 409 HAS_PAID_BOOKINGS', async () => {
    h = await startHarness()
    await confirm(h, LAN)
    const written = await book(h, LAN, '120010-1')
    await chooseReport(h, LAN, written.id)
    await pay(h, (await order(h, LAN, 'written')).orderNo)
    const error = expectError(await call(h, `/v1/registrations/${LAN}/delete`, { body: {}, idempotencyKey: key() }), 409, 'HAS_PAID_BOOKINGS')
    expect(error.message).toBe('已有已支付的科目，不能删除报名信息。')
    expectAnswer(await call(h, `/v1/registrations/${LAN}`), 'getRegistration')
  })
})
