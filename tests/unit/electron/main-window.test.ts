import { describe, expect, it, vi } from 'vitest'

const created = vi.hoisted(() => [] as { options: Record<string, unknown> & { webPreferences: Record<string, unknown> } }[])
vi.mock('electron', () => ({
  app: { getAppPath: () => '/opt/cet-kiosk' },
  BrowserWindow: class {
    constructor(public options: never) {
      created.push(this)
    }
    once() {}
    loadURL = vi.fn(async () => undefined)
  },
}))

const { createMainWindow } = await import('../../../src-main/electron/main-window')

function open(dev: boolean) {
  createMainWindow({ kind: 'app', url: 'app://kiosk/index.html' }, { dev })
  return created.at(-1)!.options
}

const SECURE = {
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
  disableBlinkFeatures: 'Auxclick',
}

describe('kiosk window (K4, K6)', () => {
  it('K4: sandboxes and isolates the renderer, without Node, in production and in development', () => {
    expect(open(false).webPreferences).toMatchObject({ ...SECURE, devTools: false })
    expect(open(true).webPreferences).toMatchObject({ ...SECURE, devTools: true })
    expect(open(false).webPreferences).not.toHaveProperty('enableBlinkFeatures')
  })

  it('loads the CommonJS preload built next to the renderer', () => {
    expect(String(open(false).webPreferences.preload).replaceAll('\\', '/')).toBe('/opt/cet-kiosk/out/preload/index.cjs')
  })

  it('K6: the production window is full screen in kiosk mode without devtools; the dev flag relaxes only those', () => {
    const locked = open(false)
    expect(locked).toMatchObject({ kiosk: true, fullscreen: true, webPreferences: { devTools: false } })
    const dev = open(true)
    expect({ kiosk: dev.kiosk, fullscreen: dev.fullscreen, devTools: dev.webPreferences.devTools }).toEqual({ kiosk: false, fullscreen: false, devTools: true })
    const strip = ({ kiosk: _k, fullscreen: _f, webPreferences: { devTools: _d, ...prefs }, ...rest }: typeof locked) => ({ ...rest, prefs })
    expect(strip(dev)).toEqual(strip(locked))
  })
})
