/** The Electron composition root, with Electron and the services mocked (nothing here runs Electron). */
import { describe, expect, it, vi } from 'vitest'
import { OPERATION_NAMES, channelOf } from '../../../src-shared/ipc/contract'

const h = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown
  const listeners = new Map<string, Listener[]>()
  const on = (name: string, listener: Listener) => {
    listeners.set(name, [...(listeners.get(name) ?? []), listener])
  }
  const emit = (name: string, ...args: unknown[]) => {
    for (const l of listeners.get(name) ?? []) l(...args)
  }
  const windows: {
    options: Record<string, unknown>
    loadURL: ReturnType<typeof vi.fn>
    focus: ReturnType<typeof vi.fn>
    restore: ReturnType<typeof vi.fn>
  }[] = []
  class BrowserWindow {
    webContents = { id: 1, mainFrame: { frameTreeNodeId: 1 } }
    loadFile = vi.fn(async () => undefined)
    loadURL = vi.fn(async () => undefined)
    focus = vi.fn()
    restore = vi.fn()
    constructor(public options: Record<string, unknown>) {
      windows.push(this)
    }
    once() {}
    show() {}
    isMinimized() {
      return true
    }
    isDestroyed() {
      return false
    }
  }
  const services = {
    dispatch: vi.fn(async () => ({ ok: true, value: {} })),
    dispose: vi.fn(async () => undefined),
    installReadiness: vi.fn(async () => ({ candidateBeingServed: false, pendingChanges: 0 })),
  }
  const autoUpdater = {
    autoDownload: true,
    autoInstallOnAppQuit: true,
    allowDowngrade: true,
    allowPrerelease: true,
    logger: null,
    setFeedURL: vi.fn(),
    checkForUpdates: vi.fn(async () => null),
    downloadUpdate: vi.fn(),
    quitAndInstall: vi.fn(),
    on: vi.fn(),
  }
  ;(process as { resourcesPath?: string }).resourcesPath = '/opt/cet-kiosk/resources'
  process.env['KIOSK_UPDATE_URL'] = 'https://updates.campus.example/cet-kiosk'
  process.env['KIOSK_SQLITE_BINDING'] = '/tmp/evil.node'
  return {
    listeners,
    emit,
    windows,
    services,
    autoUpdater,
    electron: {
      app: {
        getAppPath: () => '/opt/cet-kiosk/resources/app.asar',
        getPath: vi.fn(() => '/home/staff/.config/cet-kiosk'),
        isPackaged: true,
        enableSandbox: vi.fn(),
        requestSingleInstanceLock: vi.fn(() => true),
        whenReady: vi.fn(async () => undefined),
        on: vi.fn(on),
        quit: vi.fn(),
        exit: vi.fn(),
      },
      BrowserWindow,
      Menu: { setApplicationMenu: vi.fn() },
      protocol: { registerSchemesAsPrivileged: vi.fn() },
      dialog: { showErrorBox: vi.fn() },
      // K3: the keychain that wraps the store's data key.
      safeStorage: {
        isEncryptionAvailable: () => true,
        encryptString: (text: string) => Buffer.from(text),
        decryptString: (data: Buffer) => data.toString(),
        getSelectedStorageBackend: () => 'gnome_libsecret',
      },
      ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
      session: {
        defaultSession: {
          webRequest: { onHeadersReceived: vi.fn() },
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
          setDevicePermissionHandler: vi.fn(),
          protocol: { handle: vi.fn() },
        },
      },
    },
    createKioskServices: vi.fn(async (..._args: unknown[]) => services),
  }
})

vi.mock('electron', () => h.electron)
vi.mock('electron-updater', () => ({ default: { autoUpdater: h.autoUpdater, CancellationToken: class { cancel() {} } } }))
vi.mock('../../../src-main/app/kiosk-services', () => ({ createKioskServices: h.createKioskServices }))

await import('../../../src-main/index')
await vi.waitFor(() => expect(h.windows).toHaveLength(1))

describe('Electron main entry (K6)', () => {
  const { app, ipcMain, session, protocol, Menu } = h.electron

  it('K6: sandboxes every renderer, removes the app menu and holds the single-instance lock', () => {
    expect(app.enableSandbox).toHaveBeenCalled()
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null)
    expect(app.requestSingleInstanceLock).toHaveBeenCalled()
  })

  it('K6: a second launch focuses the running window', () => {
    h.emit('second-instance')
    expect(h.windows[0]!.restore).toHaveBeenCalled()
    expect(h.windows[0]!.focus).toHaveBeenCalled()
  })

  it('K6: serves the renderer from app://kiosk/ out of the app, never file://', () => {
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'app' })])
    const [scheme] = session.defaultSession.protocol.handle.mock.calls[0] as [string]
    expect(scheme).toBe('app')
    const [window] = h.windows
    expect(window!.loadURL).toHaveBeenCalledWith('app://kiosk/index.html')
  })

  it('keeps its data in the user-data folder', () => {
    expect(app.getPath).toHaveBeenCalledWith('userData')
    expect(h.createKioskServices).toHaveBeenCalledWith(expect.objectContaining({ dataDir: '/home/staff/.config/cet-kiosk' }), expect.anything())
  })

  it('K6: a packaged build loads the better-sqlite3 built for Electron from its resources, whatever the environment says', () => {
    const config = h.createKioskServices.mock.calls[0]![0] as { sqliteNativeBinding?: string }
    expect(config.sqliteNativeBinding?.replaceAll('\\', '/')).toBe('/opt/cet-kiosk/resources/native/better_sqlite3.node')
  })

  it('K6: installs the CSP and denies every permission on the default session', () => {
    expect(session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalled()
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled()
    expect(session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled()
    expect(session.defaultSession.setDevicePermissionHandler).toHaveBeenCalled()
  })

  it('registers one IPC handler per operation before the window loads', () => {
    const channels = ipcMain.handle.mock.calls.map((call) => call[0])
    expect(channels.sort()).toEqual(OPERATION_NAMES.map(channelOf).sort())
  })

  it('K6: opens one locked window: kiosk, full screen, no devtools, secure webPreferences', () => {
    const [window] = h.windows
    expect(window!.options).toMatchObject({ kiosk: true, fullscreen: true })
    expect(window!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false })
  })

  it('K6: guards every web contents the app creates, production-locked', () => {
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn(), closeDevTools: vi.fn() }
    h.emit('web-contents-created', {}, contents)
    expect(contents.on).toHaveBeenCalledWith('will-navigate', expect.any(Function))
    expect(contents.on).toHaveBeenCalledWith('devtools-opened', expect.any(Function))
    expect(contents.setWindowOpenHandler).toHaveBeenCalled()
  })

  it('K4: refuses IPC from a sender that is not the window, or shows another page', async () => {
    const handler = ipcMain.handle.mock.calls.find((call) => call[0] === channelOf('getDeskStatus'))![1]
    const foreign = await handler({ sender: { id: 1 }, senderFrame: { url: 'https://evil.example/', parent: null, frameTreeNodeId: 1 } }, {})
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const file = await handler({ sender: { id: 1 }, senderFrame: { url: 'file:///opt/cet-kiosk/out/renderer/index.html', parent: null, frameTreeNodeId: 1 } }, {})
    expect(file).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(h.services.dispatch).not.toHaveBeenCalled()
    const ours = await handler({ sender: { id: 1 }, senderFrame: { url: 'app://kiosk/index.html#/home', parent: null, frameTreeNodeId: 1 } }, {})
    expect(ours).toMatchObject({ ok: true })
  })

  it('K6: starts the updater on the IT feed, downgrades off, installs never on a plain quit', () => {
    expect(h.autoUpdater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://updates.campus.example/cet-kiosk/' })
    expect(h.autoUpdater).toMatchObject({ allowDowngrade: false, allowPrerelease: false, autoDownload: false, autoInstallOnAppQuit: false })
    expect(h.autoUpdater.checkForUpdates).toHaveBeenCalled()
    const options = h.createKioskServices.mock.calls[0]![1] as { updateStatus: () => unknown }
    expect(options.updateStatus()).toMatchObject({ state: 'idle' })
  })

  it('disposes the updater and the services before quitting', async () => {
    const event = { preventDefault: vi.fn() }
    h.emit('before-quit', event)
    expect(event.preventDefault).toHaveBeenCalled()
    await vi.waitFor(() => expect(h.services.dispose).toHaveBeenCalledTimes(1))
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled())
  })
})
