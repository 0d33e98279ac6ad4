/**
 * The kiosk's one window: in production full screen in kiosk mode (no way out to the desktop),
 * shown once its page has painted. Its webPreferences are written out here, in the constructor
 * call, so reviewers and electronegativity see them where the window is made: the renderer is
 * sandboxed, isolated from the preload, has no Node, and reaches main only through the
 * preload's bridge. The dev flag changes only devtools, kiosk and full screen.
 */
import { BrowserWindow } from 'electron'
import { consoleLogger, describeError } from '../support/logger'
import { PRELOAD_PATH } from './app-paths'
import type { RendererTarget } from './renderer-location'

export function createMainWindow(target: RendererTarget, options: { dev: boolean }): BrowserWindow {
  const locked = !options.dev
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    kiosk: locked,
    fullscreen: locked,
    autoHideMenuBar: true,
    title: 'CET 报名',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Middle-click would open links in new windows (denied anyway): switch the feature off.
      disableBlinkFeatures: 'Auxclick',
      devTools: options.dev,
      preload: PRELOAD_PATH,
    },
  })
  window.once('ready-to-show', () => window.show())
  window.loadURL(target.url).catch((error: unknown) => consoleLogger.error(`app: renderer failed to load: ${describeError(error)}`))
  return window
}
