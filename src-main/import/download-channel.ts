/**
 * The worker's end of a download import: main's page messages as the async sequence the import
 * reads, answering `page-taken` once a page has been written so main sends the next (one page in
 * flight, so memory stays a page or two whatever the roster's size).
 */
import type { DownloadItem } from './import-run'
import type { MainMessage } from './import-messages'

export interface DownloadChannel {
  /** Called with each message from main. */
  receive(message: MainMessage): void
  readonly items: AsyncIterable<DownloadItem>
}

export function createDownloadChannel(onTaken: () => void): DownloadChannel {
  const queue: MainMessage[] = []
  let wake: (() => void) | null = null
  async function next(): Promise<MainMessage> {
    while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve))
    return queue.shift()!
  }
  async function* items(): AsyncGenerator<DownloadItem> {
    for (;;) {
      const message = await next()
      if (message.type === 'end') return
      if (message.type === 'stop') {
        yield { problem: message.problem }
        return
      }
      yield { records: message.records }
      onTaken()
    }
  }
  return {
    receive(message) {
      queue.push(message)
      const w = wake
      wake = null
      w?.()
    },
    items: items(),
  }
}
