/**
 * Main answers IPC only from the kiosk window's own top-level page. An iframe, another window or
 * a page the window was somehow steered to gets FORBIDDEN, whatever channel it found.
 */
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron'

export type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>

export function isTrustedSender(
  event: SenderEvent,
  window: Pick<BrowserWindow, 'webContents' | 'isDestroyed'> | null,
  isRendererUrl: (url: string) => boolean,
): boolean {
  const frame = event.senderFrame
  if (!frame || window === null || window.isDestroyed()) return false
  const contents = window.webContents
  if (event.sender.id !== contents.id) return false
  // frameTreeNodeId is browser-global and fixed for the frame's lifetime.
  const isMainFrame = frame.parent === null && frame.frameTreeNodeId === contents.mainFrame.frameTreeNodeId
  return isMainFrame && isRendererUrl(frame.url)
}
