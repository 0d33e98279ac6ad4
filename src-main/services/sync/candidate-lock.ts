/**
 * S1, S4: one delivery at a time per candidate, so only the oldest pending entry of a candidate
 * is ever in flight (order per candidate), whether the desk or the scheduler asked. Keyed by the
 * store, because every service context over the same store shares its outbox.
 */
const locks = new WeakMap<object, Map<string, Promise<unknown>>>()

export function withCandidateLock<T>(store: object, candidateId: string, work: () => Promise<T>): Promise<T> {
  return withCandidateLocks(store, [candidateId], work)
}

/**
 * Holds the locks of several candidates at once (an outbox batch): `work` starts when every one
 * of them is free. All are taken in one step, so two holders can never wait on each other.
 */
export function withCandidateLocks<T>(store: object, candidateIds: readonly string[], work: () => Promise<T>): Promise<T> {
  let byCandidate = locks.get(store)
  if (byCandidate === undefined) {
    byCandidate = new Map()
    locks.set(store, byCandidate)
  }
  const held = byCandidate
  const previous = candidateIds.flatMap((id) => {
    const p = held.get(id)
    return p === undefined ? [] : [p]
  })
  const ready = previous.length === 0 ? Promise.resolve() : previous.length === 1 ? previous[0]! : Promise.all(previous)
  const next = ready.then(work, work)
  const settled = next.then(
    () => undefined,
    () => undefined,
  )
  for (const id of candidateIds) held.set(id, settled)
  void settled.then(() => {
    for (const id of candidateIds) if (held.get(id) === settled) held.delete(id)
  })
  return next
}
