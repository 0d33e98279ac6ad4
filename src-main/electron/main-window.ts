/** The kiosk's one window, created with WEB_PREFERENCES and shown once its page has painted. */
import { BrowserWindow } from 'electron'
import { consoleLogger, describeError } from '../support/logger'
import type { RendererTarget } from './renderer-location'
import { WEB_PREFERENCES } from './web-preferences'

export function createMainWindow(target: RendererTarget): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    autoHideMenuBar: true,
    title: 'CET 报名',
    webPreferences: WEB_PREFERENCES,
  })
  window.once('ready-to-show', () => window.show())
  const loading = target.kind === 'file' ? window.loadFile(target.path) : window.loadURL(target.url)
  loading.catch((error: unknown) => consoleLogger.error(`app: renderer failed to load: ${describeError(error)}`))
  return window
}
