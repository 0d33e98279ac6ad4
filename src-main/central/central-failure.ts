/**
 * Why a call to the central service did not succeed, sorted by what to do about it:
 * `retryable` (no answer, a timeout, a 5xx: try again later; the kiosk counts as offline) or
 * `final` (the central answered and refused: show its message, do not retry as is).
 */
export type CentralFailure =
  | { readonly kind: 'retryable'; readonly reason: 'network' | 'timeout' | 'server'; readonly detail: string }
  | {
      readonly kind: 'final'
      /** HTTP status; 0 when the kiosk refused to send a malformed request itself. */
      readonly status: number
      /** The central's error code (CENTRAL_ERROR_CODES), or BAD_RESPONSE for an answer off contract. */
      readonly code: string
      /** The central's message, meant for the candidate. */
      readonly message: string
    }

export type CentralResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: CentralFailure }

export function isNotFound(failure: CentralFailure): boolean {
  return failure.kind === 'final' && failure.status === 404
}

export function describeFailure(failure: CentralFailure): string {
  return failure.kind === 'retryable'
    ? `central unreachable (${failure.reason}: ${failure.detail})`
    : `central refused (${failure.status} ${failure.code})`
}
