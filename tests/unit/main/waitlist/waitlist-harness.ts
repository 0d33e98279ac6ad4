/** Waitlist steps through dispatch, as the renderer calls them, on the booking world (real central). */
import type { RegistrationInfo } from '../../../../src-shared/ipc/contract'
import type { WrittenOfferingsPage } from '../../../../src-shared/ipc/booking-views'
import type { TestKiosk } from '../support/test-kiosk'
import { SUPERVISOR } from '../support/test-kiosk'
import { info, value } from '../booking/booking-harness'

/** The IPC operations of issue #4, proven on contract in contract-outputs.test.ts. */
export const WAITLIST_OPERATION_NAMES = [
  'submitWaitlist',
  'cancelWaitlist',
  'getCet6Review',
  'submitCet6Review',
  'listOfferingCapacity',
  'raiseOfferingCapacity',
] as const

/** 测试学校机构01: every offering is full (capacity 10, none left). */
export const FULL = { en4: '993010-1', ja4: '993010-3', oralF: '993010-F' } as const
export const LANG_XIAOXU = { idType: '护照', idNumber: '99300000000000000000', name: '郎晓旭' } as const

export async function submit(kiosk: TestKiosk, visitId: string, offeringId: string): Promise<RegistrationInfo> {
  return value<RegistrationInfo>(await kiosk.dispatch('submitWaitlist', { visitId, offeringId, confirmed: true }))
}

export async function writtenRow(kiosk: TestKiosk, visitId: string, offeringId: string) {
  const page = value<WrittenOfferingsPage>(await kiosk.dispatch('getWrittenOfferings', { visitId }))
  return page.groups.flatMap((g) => g.options).find((o) => o.offeringId === offeringId)
}

/** A supervisor at their own kiosk raises an offering's capacity. */
export async function raiseAsSupervisor(kiosk: TestKiosk, offeringId: string, capacity: number): Promise<void> {
  value(await kiosk.dispatch('signIn', { username: SUPERVISOR.username, password: SUPERVISOR.password }))
  value(await kiosk.dispatch('raiseOfferingCapacity', { offeringId, capacity }))
}

export async function waitlistOf(kiosk: TestKiosk, visitId: string) {
  return (await info(kiosk, visitId)).waitlist
}
