import { describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../src-main/security/content-security-policy'
import { denyAllPermissions, installContentSecurityPolicy } from '../../../src-main/electron/session-security'
import { guardWebContents } from '../../../src-main/electron/web-contents-guards'
import { disposeBeforeQuit } from '../../../src-main/electron/quit-handler'

type Listener = (event: { preventDefault: () => void }, ...args: unknown[]) => void

function emitter() {
  const listeners = new Map<string, Listener[]>()
  return {
    on: vi.fn((name: string, listener: Listener) => {
      listeners.set(name, [...(listeners.get(name) ?? []), listener])
    }),
    emit(name: string, ...args: unknown[]) {
      const event = { preventDefault: vi.fn() }
      for (const l of listeners.get(name) ?? []) l(event, ...args)
      return event
    },
  }
}

function contents() {
  return { ...emitter(), setWindowOpenHandler: vi.fn(), closeDevTools: vi.fn() }
}

describe('web contents guards (K6)', () => {
  it('K6: denies navigation away from the renderer, in any frame, and every <webview>', () => {
    const c = contents()
    guardWebContents(c as never, { dev: false })
    expect(c.emit('will-navigate', 'https://evil.example/').preventDefault).toHaveBeenCalled()
    expect(c.emit('will-navigate', 'file:///etc/passwd').preventDefault).toHaveBeenCalled()
    expect(c.emit('will-frame-navigate', 'https://evil.example/').preventDefault).toHaveBeenCalled()
    expect(c.emit('will-attach-webview', {}, {}).preventDefault).toHaveBeenCalled()
  })

  it('K6: denies every window.open without handing the URL to anything', () => {
    const c = contents()
    guardWebContents(c as never, { dev: false })
    const handler = c.setWindowOpenHandler.mock.calls[0]![0] as (d: unknown) => unknown
    for (const url of ['https://evil.example/', 'mailto:a@b.c', 'file:///C:/Windows/System32/cmd.exe', 'app://kiosk/index.html'])
      expect(handler({ url, disposition: 'new-window' })).toEqual({ action: 'deny' })
  })

  it('K6: closes devtools at once in production, leaves them to a developer with the dev flag', () => {
    const locked = contents()
    guardWebContents(locked as never, { dev: false })
    locked.emit('devtools-opened')
    expect(locked.closeDevTools).toHaveBeenCalled()

    const dev = contents()
    guardWebContents(dev as never, { dev: true })
    dev.emit('devtools-opened')
    expect(dev.closeDevTools).not.toHaveBeenCalled()
    expect(dev.emit('will-navigate', 'https://evil.example/').preventDefault).toHaveBeenCalled()
  })
})

describe('session security', () => {
  it('K6: denies every permission request, check and device request', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() }
    denyAllPermissions(session as never)
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (w: unknown, p: string, cb: (g: boolean) => void) => void
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn()
      request({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (...a: unknown[]) => boolean
    expect(check({}, 'media', 'file://')).toBe(false)
    const device = session.setDevicePermissionHandler.mock.calls[0]![0] as (d: unknown) => boolean
    expect(device({ deviceType: 'usb', origin: 'app://kiosk' })).toBe(false)
  })

  it('sets the renderer CSP on every response, replacing any other', () => {
    const onHeadersReceived = vi.fn()
    installContentSecurityPolicy({ webRequest: { onHeadersReceived } } as never)
    const listener = onHeadersReceived.mock.calls[0]![0] as (d: unknown, cb: (r: unknown) => void) => void
    const callback = vi.fn()
    listener({ responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } }, callback)
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
  })

  it('keeps the CSP strict: no inline or eval script, no foreign hosts', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)|\*|https?:/)
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
  })
})

describe('quit', () => {
  it('holds the first before-quit until services are disposed, then quits', async () => {
    const app = { ...emitter(), quit: vi.fn() }
    let finish!: () => void
    const dispose = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)))
    disposeBeforeQuit(app as never, dispose)
    expect(app.emit('before-quit').preventDefault).toHaveBeenCalled()
    expect(app.emit('before-quit').preventDefault).toHaveBeenCalled()
    expect(dispose).toHaveBeenCalledTimes(1)
    expect(app.quit).not.toHaveBeenCalled()
    finish()
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1))
    expect(app.emit('before-quit').preventDefault).not.toHaveBeenCalled()
  })
})
