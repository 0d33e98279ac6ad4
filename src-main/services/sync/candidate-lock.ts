/**
 * S1, S4: one delivery at a time per candidate, so only the oldest pending entry of a candidate
 * is ever in flight (order per candidate), whether the desk or the scheduler asked. Keyed by the
 * store, because every service context over the same store shares its outbox.
 */
const locks = new WeakMap<object, Map<string, Promise<unknown>>>()

export function withCandidateLock<T>(store: object, candidateId: string, work: () => Promise<T>): Promise<T> {
  let byCandidate = locks.get(store)
  if (byCandidate === undefined) {
    byCandidate = new Map()
    locks.set(store, byCandidate)
  }
  const previous = byCandidate.get(candidateId) ?? Promise.resolve()
  const next = previous.then(work, work)
  const settled = next.then(
    () => undefined,
    () => undefined,
  )
  byCandidate.set(candidateId, settled)
  void settled.then(() => {
    if (byCandidate.get(candidateId) === settled) byCandidate.delete(candidateId)
  })
  return next
}
