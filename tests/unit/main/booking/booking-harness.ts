/**
 * A kiosk wired as in production, over an in-memory store, talking over HTTP to the reference
 * central (demo data, ':memory:'). Kiosk and central share one test clock, so moving it moves
 * "now" for both (B4 expiry, registration window). Steps are made through dispatch, exactly as
 * the renderer calls them.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { startCentralServer, type RunningCentral } from '../../../../src-central/server'
import { createFetchTransport } from '../../../../src-main/central/central-transport'
import type { CentralTransport } from '../../../../src-main/central/central-transport'
import type { RegistrationInfo } from '../../../../src-shared/ipc/contract'
import type { Result } from '../../../../src-shared/domain/result'
import { createTestClock, type TestClock } from '../support/test-clock'
import { createTestKiosk, startVisit, syncAll, type TestKiosk } from '../support/test-kiosk'

export const LAN = { idType: '澳门身份证', idNumber: '12001000008', name: '蓝笑天' } as const
export const WANG = { idType: '中华人民共和国居民身份证', idNumber: '120104200403151239', name: '王晓明' } as const
export const LANG = { idType: '护照', idNumber: '99301000037', name: '郎璐依珊' } as const

/** The IPC operations of issue #3, proven on contract in contract-outputs.test.ts. */
export const BOOKING_OPERATION_NAMES = [
  'getWrittenOfferings',
  'getOralOfferings',
  'bookOfferings',
  'cancelBooking',
  'saveScoreReportChoices',
  'getPaymentConfirmation',
  'startPayment',
  'getPaymentStatus',
  'deleteRegistration',
] as const

/** Demo offering ids at 南开大学 (campus-subject). */
export const OFFERING = {
  en4At120010: '120010-1',
  en6At120010: '120010-2',
  de4At120010: '120010-5',
  ja6At120010: '120010-4',
  oralF: '120010-F',
  oralS: '120010-S',
} as const

export interface BookingWorld {
  readonly central: RunningCentral
  readonly clock: TestClock
  kiosk(id: string, transport?: (base: CentralTransport) => CentralTransport): Promise<TestKiosk>
  /** Sets an offering's seats left in the central's own database (the school changing capacity). */
  setSeatsLeft(offeringId: string, seatsLeft: number): void
  /** Reads the central's own database (S2 tests count what it holds). */
  centralRows(sql: string, ...params: unknown[]): unknown[]
  close(): Promise<void>
}

export async function createBookingWorld(): Promise<BookingWorld> {
  const clock = createTestClock(new Date().toISOString())
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-booking-'))
  const dbPath = join(dir, 'central.sqlite')
  const central = await startCentralServer({ dbPath, port: 0, now: clock })
  const kiosks: TestKiosk[] = []
  return {
    central,
    clock,
    setSeatsLeft(offeringId, seatsLeft) {
      const db = new Database(dbPath)
      db.pragma('busy_timeout = 2000')
      db.prepare('UPDATE offerings SET seats_left = ? WHERE id = ?').run(seatsLeft, offeringId)
      db.close()
    },
    centralRows(sql, ...params) {
      const db = new Database(dbPath, { readonly: true })
      db.pragma('busy_timeout = 2000')
      try {
        return db.prepare(sql).all(...params)
      } finally {
        db.close()
      }
    },
    async kiosk(id, wrap) {
      const base = createFetchTransport(central.url)
      const token = central.issueDeviceToken(id, ['12001', '99301'])
      const kiosk = await createTestKiosk(wrap ? wrap(base) : base, clock, token)
      await syncAll(kiosk)
      kiosks.push(kiosk)
      return kiosk
    },
    async close() {
      for (const k of kiosks) await k.close()
      await central.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.value as T
}

/** Signed in, agreement accepted, candidate looked up and confirmed: returns the visit id. */
export async function confirmedVisit(kiosk: TestKiosk, who: { idType: string; idNumber: string; name: string } = LAN): Promise<string> {
  const visitId = await startVisit(kiosk)
  value(await kiosk.dispatch('lookupEligibility', { visitId, ...who }))
  value(await kiosk.dispatch('confirmRegistration', { visitId, phoneConfirmed: true, recordConfirmed: true }))
  return visitId
}

export async function info(kiosk: TestKiosk, visitId: string): Promise<RegistrationInfo> {
  return value<RegistrationInfo>(await kiosk.dispatch('getRegistrationInfo', { visitId }))
}

/** Pays an order the way a phone does: POST to its payUrl on the central's demo payment page. */
export async function payOnPhone(payUrl: string): Promise<number> {
  const response = await fetch(payUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' })
  await response.text()
  return response.status
}
