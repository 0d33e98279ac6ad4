/**
 * Electron composition root. Kept thin: the kiosk's services are the same ones the headless host
 * runs; this file only wires them to one locked-down window (K6) through the validated IPC
 * handlers, serves the renderer from app://kiosk/, and starts the automatic updater.
 * docs/electron-security.md maps every item of Electron's security checklist to this code.
 */
import { app, dialog, ipcMain, Menu, protocol, safeStorage, session, type BrowserWindow } from 'electron'
import { UPDATES_DISABLED } from '../src-shared/ipc/update-status'
import { readKioskConfig } from './app/kiosk-config'
import { createKioskServices } from './app/kiosk-services'
import { createSafeStorageWrapper } from './electron/safe-storage-wrapper'
import { handleRendererScheme, registerRendererScheme } from './electron/app-protocol'
import { RENDERER_ROOT } from './electron/app-paths'
import { isDevMode } from './electron/dev-mode'
import { registerIpcHandlers } from './electron/ipc-handlers'
import { createMainWindow } from './electron/main-window'
import { printSenderWindow } from './electron/print-sender'
import { disposeBeforeQuit } from './electron/quit-handler'
import { rendererLocation } from './electron/renderer-location'
import { isTrustedSender } from './electron/sender-guard'
import { denyAllPermissions, installContentSecurityPolicy } from './electron/session-security'
import { withSqliteBinding } from './electron/sqlite-binding'
import { startUpdates, type RunningUpdates } from './electron/updates/start-updates'
import { guardWebContents } from './electron/web-contents-guards'
import { consoleLogger } from './support/logger'

// Packaged: argv is [exe, ...args]; unpackaged: [electron, appPath, ...args].
const argv = process.argv.slice(app.isPackaged ? 1 : 2)
const dev = isDevMode(argv, process.env, app.isPackaged)

app.enableSandbox()
// Before ready: app:// must be a standard, secure scheme for the renderer to get a real origin.
registerRendererScheme(protocol)
// No application menu: no Reload, Toggle Developer Tools or Quit accelerators in the kiosk.
Menu.setApplicationMenu(null)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  const location = rendererLocation({ devServerUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL })
  let mainWindow: BrowserWindow | null = null
  let updates: RunningUpdates | null = null

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, { dev }))
  // A second launch (double-clicked shortcut) focuses the running kiosk instead.
  app.on('second-instance', () => {
    if (mainWindow === null || mainWindow.isDestroyed()) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('window-all-closed', () => app.quit())

  app
    .whenReady()
    .then(async () => {
      installContentSecurityPolicy(session.defaultSession)
      denyAllPermissions(session.defaultSession)
      handleRendererScheme(session.defaultSession.protocol, RENDERER_ROOT)
      const env = withSqliteBinding(process.env, { isPackaged: app.isPackaged, resourcesPath: process.resourcesPath })
      const config = readKioskConfig(argv, env, { dataDir: app.getPath('userData') })
      const services = await createKioskServices(config, {
        updateStatus: () => updates?.status() ?? UPDATES_DISABLED,
        // K3: the store's data key is wrapped by the OS keychain.
        keyWrapper: createSafeStorageWrapper(safeStorage, process.platform, process.env),
      })
      if (app.isPackaged) updates = startUpdates({ argv, env: process.env, readiness: () => services.installReadiness(), logger: consoleLogger })
      disposeBeforeQuit(app, async () => {
        await updates?.dispose()
        await services.dispose()
      })
      registerIpcHandlers(ipcMain, {
        dispatch: (name, input) => services.dispatch(name, input),
        isTrustedSender: (event) => isTrustedSender(event, mainWindow, location.isRendererUrl),
        printSender: (event) => printSenderWindow(event.sender),
      })
      mainWindow = createMainWindow(location.target, { dev })
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('CET 报名无法启动', error instanceof Error ? error.message : String(error))
      app.exit(1)
    })
}
