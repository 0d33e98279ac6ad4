/**
 * Applied to every WebContents the app creates: the kiosk never navigates away from its
 * renderer, never opens windows and never hosts <webview>s.
 */
import type { WebContents } from 'electron'

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

export function guardWebContents(contents: GuardedContents): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}
