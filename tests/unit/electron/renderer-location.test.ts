import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { rendererLocation } from '../../../src-main/electron/renderer-location'

const indexHtml = '/opt/cet-kiosk/out/renderer/index.html'
const page = pathToFileURL(indexHtml).href

describe('renderer location', () => {
  it('loads the built index.html and recognises only it (any hash)', () => {
    const location = rendererLocation({ indexHtml })
    expect(location.target).toEqual({ kind: 'file', path: indexHtml })
    expect(location.isRendererUrl(page)).toBe(true)
    expect(location.isRendererUrl(`${page}#/registration`)).toBe(true)
    expect(location.isRendererUrl('file:///opt/cet-kiosk/out/renderer/other.html')).toBe(false)
    expect(location.isRendererUrl('file:///tmp/evil/index.html')).toBe(false)
    expect(location.isRendererUrl('https://evil.example/out/renderer/index.html')).toBe(false)
    expect(location.isRendererUrl('not a url')).toBe(false)
  })

  it('uses the dev server while developing and trusts only its origin', () => {
    const location = rendererLocation({ indexHtml, devServerUrl: 'http://localhost:5173/' })
    expect(location.target).toEqual({ kind: 'url', url: 'http://localhost:5173/' })
    expect(location.isRendererUrl('http://localhost:5173/#/home')).toBe(true)
    expect(location.isRendererUrl('http://localhost:5174/')).toBe(false)
    expect(location.isRendererUrl(page)).toBe(false)
  })

  it('ignores a dev server URL that is not http(s)', () => {
    expect(rendererLocation({ indexHtml, devServerUrl: 'javascript:alert(1)' }).target.kind).toBe('file')
    expect(rendererLocation({ indexHtml, devServerUrl: '' }).target.kind).toBe('file')
  })
})
