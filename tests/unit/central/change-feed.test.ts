import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FEED_CURSOR_PATTERN, type FeedChange } from '../../../src-shared/central/contract'
import { allot, feed, feedCursor } from './allotment-harness'
import { at, book, bookCall, chooseReport, confirm, HOUR, key, LAN, order, pay, WANG } from './booking-harness'
import { call, expectAnswer, expectError, startHarness, T0, type Harness } from './central-harness'
import { cancelWaitCall, CHEN, EN4_FULL, LANG, raise, reviewCall, wait, XU } from './waitlist-harness'

type Kind = FeedChange['kind']
const ofKind = <K extends Kind>(changes: FeedChange[], kind: K) =>
  changes.filter((c): c is Extract<FeedChange, { kind: K }> => c.kind === kind)
/** The seq part of a feed position (`<epoch>.<seq>`). */
const seqOf = (cursor: string): number => Number(cursor.split('.')[1])
const seqs = (changes: FeedChange[]) => changes.map((c) => seqOf(c.seq))

describe('central change feed (S3)', () => {
  let h: Harness
  let dir: string | undefined
  afterEach(async () => {
    await h.central.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
    dir = undefined
  })

  it('S3: entries come in commit order after the catalog cursor; reading again gives the same; nextAfter moves on', async () => {
    h = await startHarness()
    const cursor = await feedCursor(h)
    expect(cursor).toMatch(FEED_CURSOR_PATTERN)
    await confirm(h, LAN)
    const booking = await book(h, LAN, '120010-1')

    const first = await feed(h, { after: cursor })
    expect(seqs(first.changes)).toEqual([...seqs(first.changes)].sort((a, b) => a - b))
    expect(Math.min(...seqs(first.changes))).toBeGreaterThan(seqOf(cursor))
    expect(first.changes.map((c) => c.kind)).toEqual(expect.arrayContaining(['registration', 'booking', 'seats']))
    expect(ofKind(first.changes, 'booking')[0]?.booking).toMatchObject({ id: booking.id, status: 'unpaid' })
    expect(ofKind(first.changes, 'seats')).toContainEqual(expect.objectContaining({ offeringId: '120010-1', seatsLeft: 299, capacity: 300 }))
    expect(first.nextAfter).toBe(first.changes.at(-1)?.seq)
    expect(await feedCursor(h)).toBe(first.nextAfter)
    // The central clock stamps what its own requests wrote.
    for (const c of first.changes) expect(c.at).toBe(T0.toISOString())

    expect(await feed(h, { after: cursor })).toEqual(first)
    const after = expectAnswer(await call(h, `/v1/changes?after=${first.nextAfter}`), 'listChanges')
    expect(after).toMatchObject({ changes: [], nextAfter: first.nextAfter, hasMore: false })
  })

  it('S3: pages of `limit` entries follow each other with hasMore until the end, and add up to one read', async () => {
    h = await startHarness()
    await confirm(h, LAN)
    await book(h, LAN, '120010-1')
    await book(h, LAN, '120010-2')
    const whole = await feed(h)
    const firstPage = expectAnswer(await call(h, '/v1/changes?limit=2'), 'listChanges')
    expect(firstPage.changes).toHaveLength(2)
    expect(firstPage.hasMore).toBe(true)
    expect(firstPage.nextAfter).toBe(firstPage.changes[1]?.seq)
    expect(await feed(h, { limit: 2 })).toEqual(whole)
  })

  it('S3: entries carry current state, not deltas: an older entry of a booking shows it as it is now', async () => {
    h = await startHarness()
    const cursor = await feedCursor(h)
    await confirm(h, LAN)
    const b = await book(h, LAN, '120010-1')
    await chooseReport(h, LAN, b.id, 'paper')
    const bookings = ofKind((await feed(h, { after: cursor })).changes, 'booking')
    expect(bookings.length).toBeGreaterThanOrEqual(2)
    for (const c of bookings) expect(c.booking).toMatchObject({ id: b.id, scoreReport: 'paper' })
  })

  it('S3: every kind of change a kiosk shows appears: registration, booking, score report, order, payment, cancel, waitlist, promotion, eligibility, expiry, deletion', async () => {
    h = await startHarness()
    const cursor = await feedCursor(h)
    await confirm(h, LAN)
    const written = await book(h, LAN, '120010-1')
    await chooseReport(h, LAN, written.id)
    const o = await order(h, LAN, 'written')
    expect((await pay(h, o.orderNo)).status).toBe(200)
    const other = await book(h, LAN, '120010-2')
    expectAnswer(await call(h, `/v1/bookings/${other.id}/cancel`, { body: { candidateId: LAN }, idempotencyKey: key() }), 'cancelBooking')
    // W1/W2: an entry for the full 日语六级笔试 at 120010, promoted when capacity is raised.
    const entry = await wait(h, LAN, '120010-4')
    await raise(h, '120010-4', 31)
    // E5: 陈嘉欣's CET6 review passes.
    await confirm(h, CHEN)
    expectAnswer(await reviewCall(h, CHEN, '120010242100101'), 'submitCet6Review')
    // B6: 王晓明's registration is deleted with its unpaid booking.
    await confirm(h, WANG)
    const wangBooking = await book(h, WANG, '120011-1')
    expectAnswer(await call(h, `/v1/registrations/${WANG}/delete`, { body: {}, idempotencyKey: key() }), 'deleteRegistration')

    const changes = (await feed(h, { after: cursor })).changes
    const bookingState = (id: string) => ofKind(changes, 'booking').find((c) => c.booking.id === id)?.booking
    expect(bookingState(written.id)).toMatchObject({ status: 'paid', scoreReport: 'paper', orderNo: o.orderNo })
    expect(bookingState(other.id)).toMatchObject({ status: 'cancelled' })
    expect(bookingState(wangBooking.id)).toMatchObject({ status: 'cancelled' })
    expect(ofKind(changes, 'order').find((c) => c.order.orderNo === o.orderNo)?.order.status).toBe('paid')
    const promoted = ofKind(changes, 'waitlist').find((c) => c.entry.id === entry.id)?.entry
    expect(promoted).toMatchObject({ status: 'promoted' })
    expect(bookingState(promoted?.bookingId ?? '')).toMatchObject({ offeringId: '120010-4', status: 'unpaid' })
    expect(ofKind(changes, 'seats')).toContainEqual(expect.objectContaining({ offeringId: '120010-4', capacity: 31, seatsLeft: 0 }))
    expect(ofKind(changes, 'eligibility')).toContainEqual(
      expect.objectContaining({ candidateId: CHEN, eligibleSubjectCodes: expect.arrayContaining(['2']) as unknown }),
    )
    const wangRegistrations = ofKind(changes, 'registration').filter((c) => c.candidateId === WANG)
    expect(wangRegistrations.length).toBeGreaterThanOrEqual(2)
    for (const c of wangRegistrations) expect(c.registration).toBeNull()
  })

  it('S3/B4: what the expiry sweep does appears: expired bookings, closed orders, seats back', async () => {
    h = await startHarness()
    await confirm(h, LAN)
    const b = await book(h, LAN, '120010-2')
    await chooseReport(h, LAN, b.id)
    const o = await order(h, LAN, 'written')
    const cursor = await feedCursor(h)
    at(h, 25 * HOUR)
    const changes = (await feed(h, { after: cursor })).changes
    expect(ofKind(changes, 'booking').map((c) => c.booking)).toContainEqual(expect.objectContaining({ id: b.id, status: 'expired' }))
    expect(ofKind(changes, 'order').map((c) => c.order)).toContainEqual(expect.objectContaining({ orderNo: o.orderNo, status: 'closed' }))
    expect(ofKind(changes, 'seats')).toContainEqual(expect.objectContaining({ offeringId: '120010-2', seatsLeft: 300 }))
    // Stamped with the central's clock at the sweep, not the machine's.
    for (const c of changes) expect(c.at).toBe(h.clock.now.toISOString())
  })

  it('S3/P4/W4: a payment kept for refund and a waiting entry ended by the window closing appear', async () => {
    h = await startHarness({ registrationGraceMs: 60 * 24 * HOUR })
    await confirm(h, LAN)
    const b = await book(h, LAN, '120010-1')
    await chooseReport(h, LAN, b.id)
    const o = await order(h, LAN, 'written')
    expectAnswer(await call(h, `/v1/bookings/${b.id}/cancel`, { body: { candidateId: LAN }, idempotencyKey: key() }), 'cancelBooking')
    await confirm(h, LANG)
    const entry = await wait(h, LANG, EN4_FULL)
    const cursor = await feedCursor(h)
    await pay(h, o.orderNo)
    at(h, 31 * 24 * HOUR)
    const changes = (await feed(h, { after: cursor })).changes
    expect(ofKind(changes, 'order').map((c) => c.order)).toContainEqual(expect.objectContaining({ orderNo: o.orderNo, status: 'refund_required' }))
    expect(ofKind(changes, 'waitlist').map((c) => c.entry)).toContainEqual(expect.objectContaining({ id: entry.id, status: 'failed' }))
  })

  it('S3: changes made elsewhere (another kiosk, the payment page) reach this kiosk', async () => {
    h = await startHarness()
    const cursor = await feedCursor(h, h.nankaiToken)
    await confirm(h, LAN)
    // K-BOTH (the default token) books and the candidate pays on a phone.
    const b = expectAnswer(await bookCall(h, LAN, ['120010-1'], { token: h.bothToken }), 'createBookings').bookings[0]
    await chooseReport(h, LAN, b?.id ?? '')
    await pay(h, (await order(h, LAN, 'written')).orderNo)
    const seen = ofKind((await feed(h, { after: cursor, token: h.nankaiToken })).changes, 'booking')
    expect(seen.map((c) => c.booking)).toContainEqual(expect.objectContaining({ id: b?.id, status: 'paid' }))
  })

  it('S3: a write on another connection to the database (e.g. a collective booking system) is in the feed too', async () => {
    dir = mkdtempSync(join(tmpdir(), 'central-feed-'))
    const path = join(dir, 'central.sqlite')
    h = await startHarness({ dbPath: path })
    const cursor = await feedCursor(h)
    const side = new Database(path)
    try {
      side.prepare(`UPDATE offerings SET seats_left = 7 WHERE id = '120010-3'`).run()
    } finally {
      side.close()
    }
    const changes = (await feed(h, { after: cursor })).changes
    expect(ofKind(changes, 'seats')).toContainEqual(expect.objectContaining({ offeringId: '120010-3', seatsLeft: 7 }))
  })

  it('S3: the feed is scoped to the device schools; allotments only to their own device', async () => {
    h = await startHarness()
    const cursor = await feedCursor(h)
    await confirm(h, LANG)
    await wait(h, LANG, EN4_FULL) // school 99301
    const allotment = await allot(h, '120010-1', 2) // K-BOTH's
    const both = (await feed(h, { after: cursor })).changes
    const nankai = (await feed(h, { after: cursor, token: h.nankaiToken })).changes
    expect(ofKind(both, 'waitlist').map((c) => c.entry.candidateId)).toContain(LANG)
    expect(ofKind(both, 'allotment').map((c) => c.allotment.id)).toContain(allotment.id)
    expect(nankai.some((c) => c.kind === 'waitlist' || c.kind === 'registration')).toBe(false)
    expect(ofKind(nankai, 'allotment')).toEqual([])
    // The seats the allotment took are public: every device of the school sees them.
    expect(ofKind(nankai, 'seats')).toContainEqual(expect.objectContaining({ offeringId: '120010-1', seatsLeft: 298 }))
  })

  it('S3/W4: when an entry stops waiting, the entries behind it appear with their new place in the queue', async () => {
    h = await startHarness()
    await confirm(h, XU)
    await confirm(h, LANG)
    const first = await wait(h, XU, EN4_FULL)
    const second = await wait(h, LANG, EN4_FULL)
    expect(second.ahead).toBe(1)
    const cursor = await feedCursor(h)
    expectAnswer(await cancelWaitCall(h, XU, first.id, '时间冲突'), 'cancelWaitlistEntry')
    const entries = ofKind((await feed(h, { after: cursor })).changes, 'waitlist').map((c) => c.entry)
    expect(entries).toContainEqual(expect.objectContaining({ id: first.id, status: 'cancelled' }))
    expect(entries).toContainEqual(expect.objectContaining({ id: second.id, status: 'waiting', ahead: 0 }))
  })

  it('S3: a malformed cursor or limit is 400 BAD_REQUEST; no token is 401', async () => {
    h = await startHarness()
    expectError(await call(h, '/v1/changes?after=abc'), 400, 'BAD_REQUEST')
    expectError(await call(h, '/v1/changes?after=-1'), 400, 'BAD_REQUEST')
    expectError(await call(h, '/v1/changes?limit=0'), 400, 'BAD_REQUEST')
    expectError(await call(h, '/v1/changes?limit=1001'), 400, 'BAD_REQUEST')
    expectError(await call(h, '/v1/changes', { token: null }), 401, 'UNAUTHORIZED')
  })

  it('S3: a cursor the central cannot go on from (another database, the older bare form) is 410 FEED_RESET', async () => {
    h = await startHarness()
    const cursor = await feedCursor(h)
    const [epoch, seq] = cursor.split('.') as [string, string]
    const otherEpoch = epoch.replace(/^./, (c) => (c === '0' ? '1' : '0'))
    expectError(await call(h, `/v1/changes?after=${otherEpoch}.${seq}`), 410, 'FEED_RESET')
    expectError(await call(h, `/v1/changes?after=${seq}`), 410, 'FEED_RESET')
    expect(expectAnswer(await call(h, `/v1/changes?after=${cursor}`), 'listChanges').changes).toEqual([])
  })

  it('S3: retention prunes old changes; a cursor from before them is 410, the catalog cursor goes on', async () => {
    h = await startHarness({ feedRetentionMs: 2 * HOUR })
    const before = await feedCursor(h)
    await confirm(h, LAN)
    await book(h, LAN, '120010-1')
    const afterBooking = await feedCursor(h)
    expect(h.central.pruneFeed()).toBe(0) // nothing is two hours old yet

    at(h, 3 * HOUR)
    await book(h, LAN, '120010-2') // written three hours later: kept
    expect(h.central.pruneFeed()).toBeGreaterThan(0)

    expectError(await call(h, `/v1/changes?after=${before}`), 410, 'FEED_RESET')
    expectError(await call(h, '/v1/changes'), 410, 'FEED_RESET') // "from the beginning" is gone too
    const kept = expectAnswer(await call(h, `/v1/changes?after=${afterBooking}`), 'listChanges')
    expect(kept.changes.some((c) => c.kind === 'booking' && c.booking.offeringId === '120010-2')).toBe(true)
    const now = await feedCursor(h)
    expect(expectAnswer(await call(h, `/v1/changes?after=${now}`), 'listChanges')).toMatchObject({ changes: [], nextAfter: now })
  })
})
