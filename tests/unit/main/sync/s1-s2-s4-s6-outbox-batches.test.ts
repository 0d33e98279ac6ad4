/**
 * The scheduler's pass sends the outbox in batches (POST /v1/batch): each candidate's head entry
 * only, in order across batches (S1, S4); a lost answer ends exactly once (S2); a refused item
 * is undone alone while the rest of its batch is applied (S6).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCentralClient } from '../../../../src-main/central/central-client'
import { createFetchTransport, type CentralTransport } from '../../../../src-main/central/central-transport'
import { Desk } from '../../../../src-main/services/desk'
import type { ServiceContext } from '../../../../src-main/services/service-context'
import { keepAllotments } from '../../../../src-main/services/sync/allotment-keeper'
import { drainOutbox } from '../../../../src-main/services/sync/outbox-courier'
import type { RegistrationInfo } from '../../../../src-shared/ipc/contract'
import type { SyncIssue } from '../../../../src-shared/ipc/sync-views'
import { confirmedVisit, createBookingWorld, LAN, OFFERING, value, WANG, type BookingWorld } from '../booking/booking-harness'
import type { TestKiosk } from '../support/test-kiosk'
import { createLink, type Link, losingFirstAnswer, sqlAll } from './sync-harness'

const EN4 = OFFERING.en4At120010
/** 英语四级笔试 at WANG's campus. */
const EN4_WANG = '120011-1'

async function goOffline(kiosk: TestKiosk, link: Link): Promise<void> {
  link.up = false
  expect((await kiosk.central.getCatalog()).ok).toBe(false)
}

function candidateOf(item: { body: Record<string, unknown> }): string {
  return item.body['candidateId'] as string
}

function outboxStates(kiosk: TestKiosk): unknown[] {
  return sqlAll(kiosk, `SELECT candidate_id AS candidate, action, state FROM outbox WHERE action LIKE 'booking.%' ORDER BY id`)
}

describe('S1/S2/S4/S6: the outbox in batches', () => {
  let world: BookingWorld
  let link: Link
  beforeEach(async () => {
    world = await createBookingWorld()
    link = createLink()
  })
  afterEach(() => world.close())

  /** A kiosk where LAN and WANG confirmed online, holding allotment seats, then offline; `visit` starts a visit (one at a time). */
  async function offlineKiosk(id: string, wrap: (base: CentralTransport) => CentralTransport = (base) => link.wrap(base)) {
    const kiosk = await world.kiosk(id, wrap)
    await confirmedVisit(kiosk, LAN)
    await confirmedVisit(kiosk, WANG)
    await keepAllotments(kiosk.ctx, 2)
    await goOffline(kiosk, link)
    return { kiosk, visit: (who: typeof LAN | typeof WANG) => confirmedVisit(kiosk, who) }
  }

  async function bookBoth(kiosk: TestKiosk, visit: (who: typeof LAN | typeof WANG) => Promise<string>): Promise<void> {
    value(await kiosk.dispatch('bookOfferings', { visitId: await visit(LAN), offeringIds: [EN4] }))
    value(await kiosk.dispatch('bookOfferings', { visitId: await visit(WANG), offeringIds: [EN4_WANG] }))
  }

  it('S1 S4: several changes per candidate go out across batches, one head per candidate per batch, each candidate in order', async () => {
    const { kiosk, visit } = await offlineKiosk('k-batches')
    let visitId = await visit(LAN)
    const lanLocal = value<RegistrationInfo>(await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [EN4] })).bookings.written[0]!.bookingId
    value(await kiosk.dispatch('saveScoreReportChoices', { visitId, choices: [{ bookingId: lanLocal, choice: 'paper' }], confirmed: true }))
    visitId = await visit(WANG)
    const wangLocal = value<RegistrationInfo>(await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [EN4_WANG] })).bookings.written[0]!.bookingId
    value(await kiosk.dispatch('saveScoreReportChoices', { visitId, choices: [{ bookingId: wangLocal, choice: 'electronic' }], confirmed: true }))
    value(await kiosk.dispatch('cancelBooking', { visitId: await visit(LAN), bookingId: lanLocal }))
    expect(outboxStates(kiosk)).toHaveLength(5)

    link.up = true
    await drainOutbox(kiosk.ctx, { force: true })

    // Three batches: LAN's three changes and WANG's two, never two of one candidate in a batch.
    const paths = link.batches.map((b) => b.requests.map((r) => `${candidateOf(r) === 'C12001-00008' ? 'LAN' : 'WANG'} ${r.path.replace(/\/v1\/bookings\/[^/]+\//, ':id/')}`))
    expect(paths).toEqual([
      ['LAN /v1/bookings', 'WANG /v1/bookings'],
      ['LAN :id/score-report', 'WANG :id/score-report'],
      ['LAN :id/cancel'],
    ])
    // Provisional ids were resolved when sent (S4): nothing local- reached the central.
    expect(link.batches.flatMap((b) => b.requests.map((r) => r.path)).filter((p) => p.includes('local-'))).toEqual([])
    expect(world.centralRows(`SELECT offering_id AS offering, status, score_report AS score FROM bookings ORDER BY offering_id`)).toEqual([
      { offering: EN4, status: 'cancelled', score: 'paper' },
      { offering: EN4_WANG, status: 'unpaid', score: 'electronic' },
    ])
    expect(sqlAll(kiosk, `SELECT offering_id AS offering, status, score_report AS score, sync_state AS sync FROM bookings ORDER BY offering_id`)).toEqual([
      { offering: EN4, status: 'cancelled', score: 'paper', sync: 'synced' },
      { offering: EN4_WANG, status: 'unpaid', score: 'electronic', sync: 'synced' },
    ])
    expect(sqlAll(kiosk, `SELECT DISTINCT state FROM outbox WHERE action LIKE 'booking.%'`)).toEqual([{ state: 'delivered' }])
  })

  it('S2: the central commits a batch and its answer is lost (the kiosk crashes before applying): sent again, every change is applied exactly once', async () => {
    const lossy = losingFirstAnswer(link, '/v1/batch')
    const { kiosk, visit } = await offlineKiosk('k-lost', lossy)
    await bookBoth(kiosk, visit)

    link.up = true
    await drainOutbox(kiosk.ctx, { force: true })
    expect(sqlAll(kiosk, `SELECT state, attempts, last_error AS error FROM outbox WHERE action = 'booking.create'`)).toEqual([
      { state: 'pending', attempts: 1, error: '网络中断' },
      { state: 'pending', attempts: 1, error: '网络中断' },
    ])
    expect(world.centralRows(`SELECT count(*) AS n FROM bookings`)).toEqual([{ n: 2 }]) // the central has them already

    // The process restarts: a new central client and desk over the same store.
    const token = world.central.issueDeviceToken('k-lost', ['12001', '99301'])
    const restarted: ServiceContext = {
      ...kiosk.ctx,
      desk: new Desk(),
      central: createCentralClient({ transport: link.wrap(createFetchTransport(world.central.url)), deviceToken: token, clock: world.clock }),
    }
    await drainOutbox(restarted, { force: true })
    expect(link.batches).toHaveLength(2)
    expect(link.batches[1]!.requests.map((r) => r.idempotencyKey)).toEqual(link.batches[0]!.requests.map((r) => r.idempotencyKey))
    expect(world.centralRows(`SELECT count(*) AS n FROM bookings`)).toEqual([{ n: 2 }])
    expect(world.centralRows(`SELECT seats_left AS left FROM offerings WHERE id = ?`, EN4)).toEqual(
      world.centralRows(`SELECT capacity - 1 - COALESCE((SELECT SUM(held) FROM allotments WHERE offering_id = ? AND status = 'active'), 0) AS left FROM offerings WHERE id = ?`, EN4, EN4),
    )
    const local = sqlAll(kiosk, `SELECT booking_id AS id, sync_state AS sync FROM bookings WHERE status = 'unpaid' ORDER BY offering_id`) as { id: string; sync: string }[]
    expect(local).toHaveLength(2)
    expect(local.every((b) => !b.id.startsWith('local-') && b.sync === 'synced')).toBe(true)
    expect(sqlAll(kiosk, `SELECT DISTINCT state FROM outbox WHERE action = 'booking.create'`)).toEqual([{ state: 'delivered' }])
  })

  it('S6: one refused item of a batch is undone and listed; the other changes of the batch are applied', async () => {
    const { kiosk, visit } = await offlineKiosk('k-mixed')
    await bookBoth(kiosk, visit)
    // Meanwhile LAN books the same subject at another kiosk (online).
    const other = await world.kiosk('k-other-desk')
    value(await other.dispatch('bookOfferings', { visitId: await confirmedVisit(other, LAN), offeringIds: [EN4] }))

    link.up = true
    await drainOutbox(kiosk.ctx, { force: true })
    expect(link.batches.map((b) => b.requests.length)).toEqual([2])
    expect(outboxStates(kiosk)).toEqual([
      { candidate: 'C12001-00008', action: 'booking.create', state: 'refused' },
      { candidate: 'C12001-2220101', action: 'booking.create', state: 'delivered' },
    ])
    // LAN's provisional booking gave way to the one the central holds; WANG's is the central's.
    const rows = sqlAll(kiosk, `SELECT candidate_id AS candidate, sync_state AS sync FROM bookings WHERE status = 'unpaid' ORDER BY candidate_id`)
    expect(rows).toEqual([
      { candidate: 'C12001-00008', sync: 'synced' },
      { candidate: 'C12001-2220101', sync: 'synced' },
    ])
    expect(sqlAll(kiosk, `SELECT count(*) AS n FROM bookings WHERE booking_id LIKE 'local-%'`)).toEqual([{ n: 0 }])
    const issues = value<SyncIssue[]>(await kiosk.dispatch('listSyncIssues', {}))
    expect(issues).toMatchObject([{ action: 'booking.create', candidateName: '蓝*天' }])
    expect(issues[0]!.code).toMatch(/ALREADY_BOOKED|LEVEL_TAKEN/)
    expect(sqlAll(kiosk, `SELECT action, outcome FROM audit_log WHERE outcome = 'refused'`)).toEqual([{ action: 'booking.create', outcome: 'refused' }])
  })

  it('S2: a batch answered 503 leaves every change in it pending with backoff; a central without /v1/batch gets each change alone', async () => {
    let batchAnswer: 503 | 404 | null = 503
    const faulty = (base: CentralTransport): CentralTransport => async (request) => {
      if (request.path === '/v1/batch' && batchAnswer !== null) {
        link.batches.push(request.body as { requests: never[] })
        return batchAnswer === 503 ? { status: 503, body: null } : { status: 404, body: { serverTime: new Date().toISOString(), error: { code: 'NOT_FOUND', message: '没有这个接口。' } } }
      }
      return link.wrap(base)(request)
    }
    const { kiosk, visit } = await offlineKiosk('k-faulty', faulty)
    await bookBoth(kiosk, visit)

    link.up = true
    await drainOutbox(kiosk.ctx, { force: true, backoff: { random: () => 0.5 } })
    expect(sqlAll(kiosk, `SELECT state, attempts, last_error AS error FROM outbox WHERE action = 'booking.create'`)).toEqual([
      { state: 'pending', attempts: 1, error: '报名中心暂时故障（HTTP 503）' },
      { state: 'pending', attempts: 1, error: '报名中心暂时故障（HTTP 503）' },
    ])
    expect(world.centralRows(`SELECT count(*) AS n FROM bookings`)).toEqual([{ n: 0 }])

    batchAnswer = 404
    await drainOutbox(kiosk.ctx, { force: true })
    expect(link.batches).toHaveLength(2)
    expect(link.sent.filter((r) => r.path === '/v1/bookings').map((r) => candidateOf(r as { body: Record<string, unknown> }))).toEqual([
      'C12001-00008',
      'C12001-2220101',
    ])
    expect(world.centralRows(`SELECT count(*) AS n FROM bookings`)).toEqual([{ n: 2 }])
    expect(sqlAll(kiosk, `SELECT DISTINCT state FROM outbox WHERE action = 'booking.create'`)).toEqual([{ state: 'delivered' }])
  })
})
