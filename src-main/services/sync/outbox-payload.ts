/**
 * S4: what each outbox entry carries, enough to send it again after a restart and to undo the
 * local change when the central refuses it for good. Booking ids may be provisional
 * (`local-…`); delivery resolves them through the id map (S4).
 */
import type { ScoreReportChoice } from '../../../src-shared/domain/booking-rules'
import type { OutboxAction } from '../../../src-shared/ipc/sync-views'

export type OutboxPayload =
  | {
      readonly action: 'registration.confirm'
      readonly candidateId: string
      readonly agreementVersion: string
      readonly agreementAcceptedAt: string
    }
  | {
      readonly action: 'booking.create'
      readonly candidateId: string
      readonly offeringIds: readonly string[]
      /** The provisional local bookings, one per offering id in the same order; null when none were written. */
      readonly localBookingIds: readonly string[] | null
    }
  | {
      readonly action: 'booking.cancel'
      readonly candidateId: string
      readonly bookingId: string
      /** The row before the local cancel, to restore it on a refusal. */
      readonly previousStatus: 'unpaid' | 'paid'
    }
  | {
      readonly action: 'booking.score-report'
      readonly candidateId: string
      readonly bookingId: string
      readonly choice: ScoreReportChoice
      readonly previous: ScoreReportChoice | null
    }

export type PayloadOf<A extends OutboxAction> = Extract<OutboxPayload, { action: A }>

export function parsePayload(json: string): OutboxPayload {
  return JSON.parse(json) as OutboxPayload
}

/** Provisional bookings are written with ids the central never uses. */
export const LOCAL_BOOKING_PREFIX = 'local-'

export function isLocalBookingId(id: string): boolean {
  return id.startsWith(LOCAL_BOOKING_PREFIX)
}
