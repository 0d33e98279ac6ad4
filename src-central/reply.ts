/**
 * What a route hands back (a value, never a thrown error) and how it becomes an HTTP answer.
 * Every answer carries `serverTime`; errors are `{ serverTime, error: { code, message } }`.
 */
import type { CENTRAL_ERROR_CODES } from '../src-shared/central/contract'

export type CentralErrorCode = (typeof CENTRAL_ERROR_CODES)[number]

export interface CentralFailure {
  readonly status: number
  readonly code: CentralErrorCode
  readonly message: string
}

export type RouteOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: CentralFailure }

export interface HttpReply {
  readonly status: number
  /** The serialised JSON body, stored verbatim for idempotent replays (S2). */
  readonly body: string
  readonly headers?: Readonly<Record<string, string>>
}

export function answer<T>(value: T): RouteOutcome<T> {
  return { ok: true, value }
}

export function refuse(status: number, code: CentralErrorCode, message: string): { ok: false; failure: CentralFailure } {
  return { ok: false, failure: { status, code, message } }
}

export const badRequest = (message: string) => refuse(400, 'BAD_REQUEST', message)
export const unauthorized = (message: string) => refuse(401, 'UNAUTHORIZED', message)
export const notFound = (message: string) => refuse(404, 'NOT_FOUND', message)
export const notEligible = (message: string) => refuse(422, 'NOT_ELIGIBLE', message)
export const internalError = () => refuse(500, 'INTERNAL', '中心服务内部错误，请稍后重试。')

export function successReply(serverTime: Date, value: object): HttpReply {
  return { status: 200, body: JSON.stringify({ serverTime: serverTime.toISOString(), ...value }) }
}

export function failureReply(serverTime: Date, failure: CentralFailure): HttpReply {
  const { status, code, message } = failure
  return { status, body: JSON.stringify({ serverTime: serverTime.toISOString(), error: { code, message } }) }
}

export function outcomeReply(serverTime: Date, outcome: RouteOutcome<object>): HttpReply {
  return outcome.ok ? successReply(serverTime, outcome.value) : failureReply(serverTime, outcome.failure)
}
