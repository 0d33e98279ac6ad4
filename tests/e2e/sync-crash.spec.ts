/**
 * S1, S2 against crashes, with real processes: a kiosk host child serves candidates through its
 * /ipc routes, reaching a reference central child through the fault proxy. Again and again the
 * kiosk is killed with SIGKILL by its pid at a random change: right after the central committed
 * it and before the kiosk heard the answer, or a few milliseconds after the answer was relayed
 * (while the kiosk writes its acknowledgement). Each time it restarts on the same data dir. In
 * the end: 0 lost, 0 duplicated, and `PRAGMA integrity_check` = ok. TEST_SEED=<seed> replays.
 * No browser: this spec lives here because it needs the build (out/main/*.js).
 */
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { startFaultProxy, type FaultProxy, type ProxiedRequest } from '../support/fault-proxy'
import { seededRandom, seedFromEnv } from '../support/seeded-random'
import { assertBuilt, issueDeviceToken, startCentralProcess, startKioskProcess, type ChildHandle, type KioskProcess } from '../support/sync-processes'
import {
  CET4_OFFERING,
  DEMO_OPERATOR,
  integrityCheck,
  prepareKioskDataDir,
  readCentral,
  readOutbox,
  seedCentral,
  tempDir,
  type SyntheticCandidate,
} from '../support/sync-world'

const CRASHES = 12
const SEED = seedFromEnv()
const KIOSK_ID = 'K-CRASH'

test.describe.configure({ mode: 'serial' })

const dirs = tempDir('cet-sync-crash-')
const centralDir = join(dirs.path, 'central')
const kioskDir = join(dirs.path, 'kiosk')
let central: ChildHandle
let proxy: FaultProxy
let token = ''
let candidates: SyntheticCandidate[] = []
/** Kill the kiosk at the n-th change the central answers (null: not armed). */
let armed: { countdown: number; afterRelayMs: number | null; kiosk: KioskProcess } | null = null
let kills = 0

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL')
  } catch {
    // already gone
  }
}

function isOutboxChange(request: ProxiedRequest): boolean {
  return request.method === 'POST' && !request.path.startsWith('/v1/allotments')
}

test.beforeAll(async () => {
  test.setTimeout(60_000)
  assertBuilt()
  candidates = seedCentral(join(centralDir, 'central.sqlite'), { candidates: 60 })
  token = issueDeviceToken(centralDir, KIOSK_ID, ['12001'])
  central = await startCentralProcess(centralDir)
  proxy = await startFaultProxy({
    target: central.url,
    onAnswered: (request) => {
      if (armed === null || !isOutboxChange(request) || --armed.countdown > 0) return
      const { kiosk, afterRelayMs } = armed
      armed = null
      kills++
      // The central has committed; the kiosk has not heard (or is writing what it heard).
      if (afterRelayMs === null) killQuietly(kiosk.pid)
      else setTimeout(() => killQuietly(kiosk.pid), afterRelayMs)
    },
  })
  await prepareKioskDataDir(kioskDir)
})

test.afterAll(async () => {
  await proxy?.close()
  await central?.stop()
  dirs.remove()
})

function startKiosk(): Promise<KioskProcess> {
  return startKioskProcess({ dataDir: kioskDir, centralUrl: proxy.url, token, kioskId: KIOSK_ID, extraArgs: ['--allotment-seats', '0'] })
}

/** Serves candidates through the host until it dies (or `limit` candidates were served). */
async function serveUntilKilled(kiosk: KioskProcess, next: () => SyntheticCandidate | undefined, limit: number): Promise<number> {
  let served = 0
  try {
    const signIn = await kiosk.ipc('signIn', DEMO_OPERATOR)
    if (!signIn.ok) throw new Error(`sign-in refused: ${signIn.error.message}`)
    for (; served < limit; served++) {
      const c = next()
      if (c === undefined) break
      const visit = await kiosk.ipc<{ visitId: string }>('acceptAgreement', { version: '2026H2-1', accepted: true })
      if (!visit.ok) throw new Error(`agreement refused: ${visit.error.message}`)
      const visitId = visit.value.visitId
      await kiosk.ipc('lookupEligibility', { visitId, idType: c.idType, idNumber: c.idNumber, name: c.name })
      await kiosk.ipc('confirmRegistration', { visitId, phoneConfirmed: true, recordConfirmed: true })
      const booked = await kiosk.ipc<{ bookings: { written: { bookingId: string }[] } }>('bookOfferings', { visitId, offeringIds: [CET4_OFFERING] })
      const bookingId = booked.ok ? booked.value.bookings.written[0]?.bookingId : undefined
      if (bookingId !== undefined) {
        await kiosk.ipc('saveScoreReportChoices', { visitId, choices: [{ bookingId, choice: 'paper' }], confirmed: true })
        if (served % 2 === 0) await kiosk.ipc('cancelBooking', { visitId, bookingId })
      }
      await kiosk.ipc('endVisit', { visitId })
    }
  } catch (error) {
    // The kiosk was killed under the request: expected (its exit may be reported a moment later).
    await Promise.race([kiosk.exited, new Promise((r) => setTimeout(r, 3000))])
    if (kiosk.child.exitCode === null && kiosk.child.signalCode === null) throw error
  }
  return served
}

test('S1 S2: kill -9 between the central’s commit and the kiosk’s acknowledgement, again and again: 0 lost, 0 duplicated, integrity ok', async () => {
  test.setTimeout(150_000)
  const rng = seededRandom(SEED)
  console.log(`[S1/S2 crash] seed ${SEED} (TEST_SEED=${SEED} replays it)`)
  let index = 0
  const next = (): SyntheticCandidate | undefined => candidates[index++]
  const started = Date.now()
  for (let crash = 0; crash < CRASHES; crash++) {
    const kiosk = await startKiosk()
    armed = { countdown: rng.int(1, 8), afterRelayMs: rng.next() < 0.5 ? null : rng.int(0, 15), kiosk }
    await serveUntilKilled(kiosk, next, 4)
    // Still alive (the countdown outlived the work): kill it here, mid-delivery or idle.
    armed = null
    await kiosk.stop('SIGKILL')
    expect(integrityCheck(join(kioskDir, 'kiosk.sqlite')), `after crash ${crash + 1} (seed ${SEED})`).toBe('ok')
  }

  // The last start drains what the crashes left pending.
  const kiosk = await startKiosk()
  await expect
    .poll(async () => {
      const status = await kiosk.ipc<{ link: { pendingChanges: number } }>('getDeskStatus', {})
      return status.ok ? status.value.link.pendingChanges : -1
    }, { timeout: 60_000 })
    .toBe(0)
  await kiosk.stop()
  const elapsed = Date.now() - started

  const outbox = readOutbox(kioskDir)
  const centralNow = readCentral(join(centralDir, 'central.sqlite'))
  const lost = outbox.keys.filter((key) => !centralNow.keys.has(key))
  const served = candidates.slice(0, index)
  const mismatched = served.flatMap((c) => {
    const created = outbox.perCandidate.get(`${c.candidateId}/booking.create`) ?? 0
    const cancelled = outbox.perCandidate.get(`${c.candidateId}/booking.cancel`) ?? 0
    const rows = centralNow.bookingRows.get(c.candidateId) ?? 0
    const cancelledRows = centralNow.cancelledRows.get(c.candidateId) ?? 0
    return rows === created && cancelledRows === cancelled ? [] : [`${c.candidateId}: outbox ${created}/${cancelled}, central ${rows}/${cancelledRows}`]
  })
  console.log(
    `[S1/S2 crash] seed ${SEED}: ${kills} kills at an answered change, ${CRASHES} restarts, ${served.length} candidates, ` +
      `${outbox.total} changes (${JSON.stringify(outbox.byAction)}), ${outbox.attempts} delivery attempts, ` +
      `lost ${lost.length}, mismatched ${mismatched.length}, refused ${outbox.refused} (+${outbox.refusedAtDesk} at the desk), ${elapsed} ms`,
  )
  expect(integrityCheck(join(kioskDir, 'kiosk.sqlite'))).toBe('ok')
  expect(kills, 'the kiosk was killed between commit and acknowledgement').toBeGreaterThan(CRASHES / 3)
  expect(outbox.pending).toBe(0)
  expect(outbox.refusals, `refused (seed ${SEED})`).toEqual([])
  expect(outbox.refusedAtDesk, `refused at the desk (seed ${SEED})`).toBe(0)
  expect(lost, `lost (seed ${SEED})`).toEqual([])
  expect(mismatched, `central differs from the outbox (seed ${SEED})`).toEqual([])
  expect(centralNow.registrations).toBe(outbox.byAction['registration.confirm'] ?? 0)
  expect(centralNow.paperChoices).toBe(outbox.byAction['booking.score-report'] ?? 0)
})
