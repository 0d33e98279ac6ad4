/**
 * Disposes the services (timers drained, outbox flushed, database closed) before the app quits:
 * the first before-quit is held back until dispose has finished, then quitting resumes.
 */
import type { App } from 'electron'
import { consoleLogger, describeError } from '../support/logger'

export function disposeBeforeQuit(app: Pick<App, 'on' | 'quit'>, dispose: () => Promise<void>): void {
  let state: 'running' | 'disposing' | 'disposed' = 'running'
  app.on('before-quit', (event) => {
    if (state === 'disposed') return
    event.preventDefault()
    if (state === 'disposing') return
    state = 'disposing'
    dispose()
      .catch((error: unknown) => consoleLogger.error(`app: dispose failed: ${describeError(error)}`))
      .finally(() => {
        state = 'disposed'
        app.quit()
      })
  })
}
