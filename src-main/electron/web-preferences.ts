/**
 * The one set of webPreferences the kiosk window is created with: the renderer is sandboxed,
 * isolated from the preload, has no Node, and reaches main only through the preload's bridge.
 */
import type { WebPreferences } from 'electron'
import { PRELOAD_PATH } from './app-paths'

export const WEB_PREFERENCES = {
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
  preload: PRELOAD_PATH,
} as const satisfies WebPreferences
