/**
 * Results cross every boundary (IPC, HTTP host) as values, never as thrown errors:
 * thrown errors lose their shape over IPC.
 */
import { BOOKING_REFUSAL_CODES } from './booking-refusals'
import type { ReasonRef } from './reasons'

export const ERROR_CODES = [
  'INVALID_INPUT',
  'ID_FORMAT',
  'NOT_SIGNED_IN',
  'BAD_CREDENTIALS',
  'LOCKED_OUT',
  'FORBIDDEN',
  'NO_VISIT',
  'AGREEMENT_REQUIRED',
  'AGREEMENT_OUTDATED',
  'NOT_FOUND',
  'NOT_ELIGIBLE',
  'CONFIRMATION_REQUIRED',
  'CENTRAL_UNAVAILABLE',
  'CENTRAL_REFUSED',
  'CONFLICT',
  'INTERNAL',
  // S4: offline, no seat of this kiosk's allotment backs the booking.
  'NO_OFFLINE_SEATS',
  // S4: payment, the waitlist and the CET6 review need the link.
  'OFFLINE_UNAVAILABLE',
  // S1: saved in the outbox, the central has not answered yet (待同步).
  'SYNC_PENDING',
  // B1–B7, R1, P1–P4
  ...BOOKING_REFUSAL_CODES,
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface AppError {
  readonly code: ErrorCode
  /** One sentence, in the UI language, that a candidate understands. */
  readonly message: string
  /** The sentence as a code with its subjects, when a rule gave one (the renderer translates it). */
  readonly reason?: ReasonRef
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } }
}
