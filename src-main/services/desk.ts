/**
 * The desk: who is signed in and which candidate is being served. One candidate at a time
 * (K2): a visit starts when the agreement is accepted (E1) and everything about the candidate is
 * reached through it. Lives in memory only; the visits table keeps the durable record.
 */
import type { OperatorView } from '../../src-shared/ipc/contract'

export interface DeskVisit {
  readonly id: string
  readonly operatorId: number
  readonly agreementVersion: string
  readonly agreementAcceptedAt: string
  /** Set by the first successful eligibility lookup. */
  candidateId: string | null
}

export class Desk {
  operator: OperatorView | null = null
  visit: DeskVisit | null = null

  clear(): void {
    this.operator = null
    this.visit = null
  }
}
