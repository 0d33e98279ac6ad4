import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({ app: { getAppPath: () => '/opt/cet-kiosk' } }))

const { WEB_PREFERENCES } = await import('../../../src-main/electron/web-preferences')

describe('kiosk window webPreferences (K4)', () => {
  it('sandboxes and isolates the renderer, without Node', () => {
    expect(WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })

  it('loads the CommonJS preload built next to the renderer', () => {
    expect(WEB_PREFERENCES.preload.replaceAll('\\', '/')).toBe('/opt/cet-kiosk/out/preload/index.cjs')
  })
})
