/**
 * Runs tasks one after another. The desk serves one candidate at a time, so its operations
 * never interleave: a double-clicked confirm or an idle timeout arriving mid-lookup waits its
 * turn instead of racing on the desk state.
 */
export interface SerialQueue {
  run<T>(task: () => Promise<T>): Promise<T>
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve()
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const next = tail.then(task, task)
      tail = next.catch(() => undefined)
      return next
    },
  }
}
