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
  const windows: { options: Record<string, unknown>; loadFile: ReturnType<typeof vi.fn> }[] = []
  class BrowserWindow {
    webContents = { id: 1, mainFrame: { frameTreeNodeId: 1 } }
    loadFile = vi.fn(async () => undefined)
    loadURL = vi.fn(async () => undefined)
    constructor(public options: Record<string, unknown>) {
      windows.push(this)
    }
    once() {}
    show() {}
    isDestroyed() {
      return false
    }
  }
  const services = { dispatch: vi.fn(async () => ({ ok: true, value: {} })), dispose: vi.fn(async () => undefined) }
  return {
    listeners,
    emit,
    windows,
    services,
    electron: {
      app: {
        getAppPath: () => '/opt/cet-kiosk',
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
      dialog: { showErrorBox: vi.fn() },
      ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
      session: {
        defaultSession: {
          webRequest: { onHeadersReceived: vi.fn() },
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
        },
      },
    },
    createKioskServices: vi.fn(async () => services),
  }
})

vi.mock('electron', () => h.electron)
vi.mock('../../../src-main/app/kiosk-services', () => ({ createKioskServices: h.createKioskServices }))

await import('../../../src-main/index')
await vi.waitFor(() => expect(h.windows).toHaveLength(1))

describe('Electron main entry', () => {
  const { app, ipcMain, session } = h.electron

  it('sandboxes every renderer and holds the single-instance lock (K6)', () => {
    expect(app.enableSandbox).toHaveBeenCalled()
    expect(app.requestSingleInstanceLock).toHaveBeenCalled()
  })

  it('keeps its data in the user-data folder', () => {
    expect(app.getPath).toHaveBeenCalledWith('userData')
    expect(h.createKioskServices).toHaveBeenCalledWith(expect.objectContaining({ dataDir: '/home/staff/.config/cet-kiosk' }))
  })

  it('installs the CSP and the permission denial on the default session', () => {
    expect(session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalled()
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled()
  })

  it('registers one IPC handler per operation before the window loads', () => {
    const channels = ipcMain.handle.mock.calls.map((call) => call[0])
    expect(channels.sort()).toEqual(OPERATION_NAMES.map(channelOf).sort())
  })

  it('opens one window with the secure webPreferences on the built renderer', () => {
    const [window] = h.windows
    expect(window!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false })
    expect(window!.loadFile.mock.calls[0]![0].replaceAll('\\', '/')).toBe('/opt/cet-kiosk/out/renderer/index.html')
  })

  it('guards every web contents the app creates', () => {
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() }
    h.emit('web-contents-created', {}, contents)
    expect(contents.on).toHaveBeenCalledWith('will-navigate', expect.any(Function))
    expect(contents.setWindowOpenHandler).toHaveBeenCalled()
  })

  it('refuses IPC from a sender that is not the window', async () => {
    const handler = ipcMain.handle.mock.calls.find((call) => call[0] === channelOf('getDeskStatus'))![1]
    const answer = await handler({ sender: { id: 1 }, senderFrame: { url: 'https://evil.example/', parent: null, frameTreeNodeId: 1 } }, {})
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(h.services.dispatch).not.toHaveBeenCalled()
  })

  it('disposes the services before quitting', async () => {
    const event = { preventDefault: vi.fn() }
    h.emit('before-quit', event)
    expect(event.preventDefault).toHaveBeenCalled()
    expect(h.services.dispose).toHaveBeenCalledTimes(1)
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled())
  })
})
