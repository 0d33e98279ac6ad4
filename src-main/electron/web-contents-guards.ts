/**
 * Applied to every WebContents the app creates: the kiosk never navigates away from its
 * renderer, never opens windows (nor hands their URL to the operating system's browser), never
 * hosts <webview>s, and outside development closes devtools should anything open them.
 */
import type { WebContents } from 'electron'

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'closeDevTools'>

export function guardWebContents(contents: GuardedContents, options: { dev: boolean }): void {
  // The renderer routes by hash, which is not a navigation: every real navigation is refused.
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-frame-navigate', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  if (!options.dev) contents.on('devtools-opened', () => contents.closeDevTools())
}
