import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  createRendererRequestHandler,
  handleRendererScheme,
  registerRendererScheme,
} from '../../../src-main/electron/app-protocol'
import { CONTENT_SECURITY_POLICY } from '../../../src-main/security/content-security-policy'

let base: string
let root: string
let handler: (request: Request) => Promise<Response>

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'kiosk-protocol-'))
  root = join(base, 'renderer')
  await mkdir(join(root, 'assets'), { recursive: true })
  await writeFile(join(root, 'index.html'), '<!doctype html><title>kiosk</title>')
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  await writeFile(join(root, '.env'), 'SECRET=1')
  await writeFile(join(base, 'secret.txt'), 'outside the renderer')
  handler = createRendererRequestHandler(root)
})
afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

const get = (url: string, method = 'GET') => handler(new Request(url, { method }))

describe('app:// renderer protocol (K6)', () => {
  it('K6: registers app as a privileged standard, secure scheme (not file://)', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() }
    registerRendererScheme(protocol)
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ])
    const session = { handle: vi.fn() }
    handleRendererScheme(session, root)
    expect(session.handle).toHaveBeenCalledWith('app', expect.any(Function))
  })

  it('K6: serves the built renderer with the CSP and nosniff', async () => {
    const page = await get('app://kiosk/index.html')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toContain('<title>kiosk</title>')
    const script = await get('app://kiosk/assets/index-abc.js')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect((await get('app://kiosk/')).status).toBe(200)
  })

  it('K6: refuses traversal, dot-files, other hosts and other methods', async () => {
    for (const url of [
      'app://kiosk/../secret.txt',
      'app://kiosk/%2e%2e/secret.txt',
      'app://kiosk/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://kiosk/..%5csecret.txt',
      'app://kiosk/.env',
      'app://kiosk/missing.html',
      'app://evil/index.html',
    ]) {
      const answer = await get(url)
      expect(answer.status, url).not.toBe(200)
      expect(await answer.text()).not.toContain('outside the renderer')
    }
    expect((await get('app://kiosk/index.html', 'POST')).status).toBe(405)
  })
})
