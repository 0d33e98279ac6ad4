/**
 * Electron composition root. Kept thin: the kiosk's services are the same ones the headless host
 * runs; this file only wires them to one locked-down window through the validated IPC handlers.
 */
import { app, dialog, ipcMain, session, type BrowserWindow } from 'electron'
import { readKioskConfig } from './app/kiosk-config'
import { createKioskServices } from './app/kiosk-services'
import { RENDERER_INDEX_HTML } from './electron/app-paths'
import { registerIpcHandlers } from './electron/ipc-handlers'
import { createMainWindow } from './electron/main-window'
import { disposeBeforeQuit } from './electron/quit-handler'
import { rendererLocation } from './electron/renderer-location'
import { isTrustedSender } from './electron/sender-guard'
import { denyAllPermissions, installContentSecurityPolicy } from './electron/session-security'
import { guardWebContents } from './electron/web-contents-guards'

app.enableSandbox()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  const location = rendererLocation({
    indexHtml: RENDERER_INDEX_HTML,
    devServerUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
  })
  let mainWindow: BrowserWindow | null = null

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents))
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
      // Packaged: argv is [exe, ...args]; unpackaged: [electron, appPath, ...args].
      const argv = process.argv.slice(app.isPackaged ? 1 : 2)
      const config = readKioskConfig(argv, process.env, { dataDir: app.getPath('userData') })
      const services = await createKioskServices(config)
      disposeBeforeQuit(app, () => services.dispose())
      registerIpcHandlers(ipcMain, {
        dispatch: (name, input) => services.dispatch(name, input),
        isTrustedSender: (event) => isTrustedSender(event, mainWindow, location.isRendererUrl),
      })
      mainWindow = createMainWindow(location.target)
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('CET 报名无法启动', error instanceof Error ? error.message : String(error))
      app.exit(1)
    })
}
