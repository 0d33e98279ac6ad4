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

describe('web contents guards (K6)', () => {
  it('denies navigation away from the renderer', () => {
    const contents = { ...emitter(), setWindowOpenHandler: vi.fn() }
    guardWebContents(contents as never)
    expect(contents.emit('will-navigate', 'https://evil.example/').preventDefault).toHaveBeenCalled()
    expect(contents.emit('will-attach-webview', {}, {}).preventDefault).toHaveBeenCalled()
  })

  it('denies every window.open', () => {
    const contents = { ...emitter(), setWindowOpenHandler: vi.fn() }
    guardWebContents(contents as never)
    const handler = contents.setWindowOpenHandler.mock.calls[0]![0] as (d: unknown) => unknown
    expect(handler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
  })
})

describe('session security', () => {
  it('denies every permission request and check', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() }
    denyAllPermissions(session as never)
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (w: unknown, p: string, cb: (g: boolean) => void) => void
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn()
      request({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (...a: unknown[]) => boolean
    expect(check({}, 'media', 'file://')).toBe(false)
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
