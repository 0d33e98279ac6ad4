/**
 * W2, W4: the visit's waitlist entries as the central last listed them. The central alone knows
 * queue positions (S4: a position cannot be had offline), so entries are kept in memory for the
 * visit only and forgotten with it (K2); the page says when they may be stale.
 */
import type { WaitlistEntry } from '../../../src-shared/schemas'

export interface WaitlistSnapshot {
  readonly candidateId: string
  readonly entries: readonly WaitlistEntry[]
  /** false when the last attempt to ask the central failed. */
  readonly fresh: boolean
}

const snapshots = new WeakMap<object, WaitlistSnapshot>()

export function cachedWaitlist(visit: object, candidateId: string): WaitlistSnapshot | null {
  const found = snapshots.get(visit)
  return found !== undefined && found.candidateId === candidateId ? found : null
}

export function rememberWaitlist(visit: object, snapshot: WaitlistSnapshot): void {
  snapshots.set(visit, snapshot)
}

/** One entry the central just answered with replaces its older copy. */
export function rememberEntry(visit: object, entry: WaitlistEntry): void {
  const known = cachedWaitlist(visit, entry.candidateId)
  const others = (known?.entries ?? []).filter((e) => e.id !== entry.id)
  snapshots.set(visit, { candidateId: entry.candidateId, entries: [...others, entry], fresh: known?.fresh ?? true })
}

export function waitingSubjectCodes(snapshot: WaitlistSnapshot | null): string[] {
  return (snapshot?.entries ?? []).filter((e) => e.status === 'waiting').map((e) => e.subjectCode)
}
