/**
 * S1, S4 with real sockets: 8 kiosks (built as the host builds them, each with its own store and
 * its own link through a proxy) race for the last seats of one offering, first online, then
 * offline against the seats the central allotted them. Nothing is overbooked: at the central the
 * active bookings never exceed the capacity, and capacity = seats left + active bookings + seats
 * still held in allotments, whatever the interleaving.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCentralServer, type RunningCentral } from '../../../src-central/server'
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy'
import {
  linkOf,
  openVisit,
  readCentral,
  readOutbox,
  seedCentral,
  signInDemo,
  startKiosk,
  tempDir,
  waitFor,
  type SyntheticCandidate,
  type TestKioskHandle,
} from '../../support/sync-world'

const KIOSKS = 8
const PER_KIOSK = 3
const ONLINE_OFFERING = '120011-1'
const OFFLINE_OFFERING = '120011-2'
const ONLINE_SEATS = 10
const OFFLINE_SEATS = 12

interface Desk {
  readonly kiosk: TestKioskHandle
  readonly proxy: FaultProxy
}

describe('S4: 8 kiosks race for the last seats of one offering', () => {
  const dir = tempDir('sync-race-')
  const centralDb = join(dir.path, 'central.sqlite')
  let candidates: SyntheticCandidate[]
  let central: RunningCentral
  const desks: Desk[] = []

  beforeAll(async () => {
    candidates = seedCentral(centralDb, { candidates: KIOSKS * PER_KIOSK * 2, seats: { [ONLINE_OFFERING]: ONLINE_SEATS, [OFFLINE_OFFERING]: OFFLINE_SEATS } })
    central = await startCentralServer({ dbPath: centralDb, port: 0 })
    await Promise.all(
      Array.from({ length: KIOSKS }, async (_, k) => {
        const proxy = await startFaultProxy({ target: central.url })
        const kioskId = `K-RACE-${k}`
        const kiosk = await startKiosk({
          dataDir: join(dir.path, kioskId),
          centralUrl: proxy.url,
          token: central.issueDeviceToken(kioskId, ['12001']),
          kioskId,
          allotmentSeats: 2,
        })
        kiosk.setTimeoutMs(2000)
        await signInDemo(kiosk.dispatch)
        desks[k] = { kiosk, proxy }
      }),
    )
  }, 120_000)

  afterAll(async () => {
    await Promise.all(desks.map(async (d) => (await d.kiosk.dispose(), await d.proxy.close())))
    await central?.close()
    dir.remove()
  })

  /** Each desk serves its candidates one after another; the desks run at once. */
  async function race(offeringId: string, offset: number): Promise<string[]> {
    const answers = await Promise.all(
      desks.map(async ({ kiosk }, k) => {
        const mine: string[] = []
        for (let i = 0; i < PER_KIOSK; i++) {
          const c = candidates[offset + k * PER_KIOSK + i]!
          const visitId = await openVisit(kiosk.dispatch, c)
          await kiosk.dispatch('confirmRegistration', { visitId, phoneConfirmed: true, recordConfirmed: true })
          const booked = await kiosk.dispatch('bookOfferings', { visitId, offeringIds: [offeringId] })
          mine.push(booked.ok ? 'ok' : booked.error.code)
          await kiosk.dispatch('endVisit', { visitId })
        }
        return mine
      }),
    )
    return answers.flat()
  }

  function expectNoOverbooking(offeringId: string): { active: number; held: number; seatsLeft: number; capacity: number } {
    const now = readCentral(centralDb)
    const figures = {
      active: now.activeBookingsByOffering.get(offeringId) ?? 0,
      held: now.heldByOffering.get(offeringId) ?? 0,
      seatsLeft: now.seatsLeft.get(offeringId) ?? 0,
      capacity: now.capacity.get(offeringId) ?? 0,
    }
    expect(figures.active, `${offeringId} overbooked: ${JSON.stringify(figures)}`).toBeLessThanOrEqual(figures.capacity)
    expect(figures.seatsLeft).toBeGreaterThanOrEqual(0)
    expect(figures.seatsLeft + figures.active + figures.held, JSON.stringify(figures)).toBe(figures.capacity)
    return figures
  }

  it('S1: online, 24 candidates at 8 desks for 10 seats: at most 10 booked, every other one refused', async () => {
    const answers = await race(ONLINE_OFFERING, 0)
    const figures = expectNoOverbooking(ONLINE_OFFERING)
    const booked = answers.filter((a) => a === 'ok').length
    console.log(`[S4 race online] ${answers.length} attempts for ${ONLINE_SEATS} seats: ${booked} booked, answers ${JSON.stringify(count(answers))}; central ${JSON.stringify(figures)}`)
    expect(booked).toBe(figures.active)
    expect(booked).toBeGreaterThan(0)
    expect(answers.filter((a) => a !== 'ok').every((a) => a === 'NO_SEATS')).toBe(true)
  }, 120_000)

  it('S4: offline, each desk books only against its own allotment; after the drain nothing is overbooked and nothing refused', async () => {
    // Every desk holds what the central would allot it (at most 2 each, 12 seats for 8 desks).
    const allotted = await waitFor(() => (readCentral(centralDb).heldByOffering.get(OFFLINE_OFFERING) ?? 0) >= OFFLINE_SEATS - 1, 60_000, 250)
    expect(allotted, 'allotments were granted').toBe(true)
    for (const d of desks) d.proxy.setDown(true)
    await Promise.all(desks.map(({ kiosk }) => waitFor(async () => (await linkOf(kiosk.dispatch)).state === 'offline', 20_000)))

    const answers = await race(OFFLINE_OFFERING, KIOSKS * PER_KIOSK)
    const bookedOffline = answers.filter((a) => a === 'ok').length

    for (const d of desks) d.proxy.setDown(false)
    const drained = await waitFor(async () => {
      const links = await Promise.all(desks.map(({ kiosk }) => linkOf(kiosk.dispatch)))
      return links.every((l) => l.state === 'online' && l.pendingChanges === 0)
    }, 60_000, 250)
    const figures = expectNoOverbooking(OFFLINE_OFFERING)
    const refused = desks.flatMap(({ kiosk }) => readOutbox(kiosk.dataDir).refusals)
    console.log(
      `[S4 race offline] ${answers.length} attempts against allotments of ${OFFLINE_SEATS} seats: ${bookedOffline} booked offline, ` +
        `answers ${JSON.stringify(count(answers))}; after the drain central ${JSON.stringify(figures)}, ${refused.length} refused`,
    )
    expect(drained, 'every desk drained its outbox').toBe(true)
    expect(bookedOffline).toBeGreaterThan(0)
    // An allotment-backed booking is never refused once delivered (no conflict for staff to see).
    expect(refused).toEqual([])
    expect(figures.active).toBe(bookedOffline)
  }, 180_000)
})

function count(answers: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const a of answers) out[a] = (out[a] ?? 0) + 1
  return out
}
