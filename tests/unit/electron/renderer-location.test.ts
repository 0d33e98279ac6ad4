import { describe, expect, it } from 'vitest'
import { rendererLocation } from '../../../src-main/electron/renderer-location'

describe('renderer location (K6)', () => {
  it('K6: loads the renderer from app://kiosk/ and recognises exactly that page (any hash)', () => {
    const location = rendererLocation({})
    expect(location.target).toEqual({ kind: 'app', url: 'app://kiosk/index.html' })
    expect(location.isRendererUrl('app://kiosk/index.html')).toBe(true)
    expect(location.isRendererUrl('app://kiosk/index.html#/registration')).toBe(true)
    expect(location.isRendererUrl('app://kiosk/')).toBe(true)
    expect(location.isRendererUrl('app://kiosk/other.html')).toBe(false)
    expect(location.isRendererUrl('app://evil/index.html')).toBe(false)
    expect(location.isRendererUrl('app://user:pw@kiosk/index.html')).toBe(false)
    expect(location.isRendererUrl('file:///opt/cet-kiosk/out/renderer/index.html')).toBe(false)
    expect(location.isRendererUrl('https://kiosk/index.html')).toBe(false)
    expect(location.isRendererUrl('not a url')).toBe(false)
  })

  it('uses the dev server while developing and trusts only its origin', () => {
    const location = rendererLocation({ devServerUrl: 'http://localhost:5173/' })
    expect(location.target).toEqual({ kind: 'dev-server', url: 'http://localhost:5173/' })
    expect(location.isRendererUrl('http://localhost:5173/#/home')).toBe(true)
    expect(location.isRendererUrl('http://localhost:5174/')).toBe(false)
    expect(location.isRendererUrl('app://kiosk/index.html')).toBe(false)
  })

  it('ignores a dev server URL that is not http(s)', () => {
    expect(rendererLocation({ devServerUrl: 'javascript:alert(1)' }).target.kind).toBe('app')
    expect(rendererLocation({ devServerUrl: '' }).target.kind).toBe('app')
  })
})
