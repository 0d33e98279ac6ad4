import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { fail, ok } from '../../../src-shared/domain/result'
import { startHost, type RunningHost } from '../../../src-main/host/server'
import { CONTENT_SECURITY_POLICY } from '../../../src-main/security/content-security-policy'
import { postJson, send } from './http-client'

let root: string
let staticDir: string
let host: RunningHost
const dispatch = vi.fn(async (name: string, input: unknown) => ok({ name, input }))

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kiosk-host-test-'))
  staticDir = join(root, 'renderer')
  await mkdir(join(staticDir, 'assets'), { recursive: true })
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>CET</title>')
  await writeFile(join(staticDir, 'assets', 'index-abc123.js'), 'console.log(1)')
  await writeFile(join(staticDir, 'assets', 'index-abc123.css'), 'body{}')
  await writeFile(join(staticDir, '.env'), 'SECRET=1')
  await writeFile(join(root, 'secret.txt'), 'top secret')
  host = await startHost({ dispatch, staticDir, port: 0, host: '127.0.0.1' })
})

afterAll(async () => {
  await host.close()
  await rm(root, { recursive: true, force: true })
})

beforeEach(() => dispatch.mockClear())

describe('headless host: static files', () => {
  it('listens on 127.0.0.1 only and reports its url', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}`)
    expect(host.port).toBeGreaterThan(0)
  })

  it('serves index.html for / with the security headers', async () => {
    const res = await send(host.port, { path: '/' })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.body).toContain('<title>CET</title>')
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    expect(res.headers['x-frame-options']).toBe('DENY')
    expect(res.headers['cache-control']).toBe('no-cache')
  })

  it('serves hashed assets with their content type, cached as immutable', async () => {
    const js = await send(host.port, { path: '/assets/index-abc123.js?v=1' })
    expect(js.status).toBe(200)
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(js.headers['cache-control']).toContain('immutable')
    const css = await send(host.port, { path: '/assets/index-abc123.css' })
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8')
  })

  it('answers HEAD without a body', async () => {
    const res = await send(host.port, { method: 'HEAD', path: '/' })
    expect(res.status).toBe(200)
    expect(res.body).toBe('')
  })

  it('answers 404 for files that do not exist and for directories', async () => {
    expect((await send(host.port, { path: '/missing.js' })).status).toBe(404)
    expect((await send(host.port, { path: '/assets' })).status).toBe(404)
    expect((await send(host.port, { path: '/assets/' })).status).toBe(404)
  })

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%2e%2e%5csecret.txt',
    '/.env',
    '/assets/%00.js',
    '/%E0%A4%A',
  ])('refuses traversal and hidden files: %s', async (path) => {
    const res = await send(host.port, { path })
    expect(res.status).toBe(404)
    expect(res.body).not.toContain('secret')
    expect(res.body).not.toContain('SECRET')
  })

  it('refuses other methods on files with 405', async () => {
    const res = await send(host.port, { method: 'DELETE', path: '/index.html' })
    expect(res.status).toBe(405)
    expect(res.headers.allow).toBe('GET, HEAD')
  })
})

describe('headless host: DNS-rebinding and origin guard', () => {
  it('refuses a Host header that does not name the host', async () => {
    for (const hostHeader of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`]) {
      const res = await send(host.port, { path: '/', headers: { host: hostHeader } })
      expect(res.status).toBe(403)
    }
  })

  it('accepts localhost:port as its own name', async () => {
    const res = await send(host.port, { path: '/', headers: { host: `localhost:${host.port}` } })
    expect(res.status).toBe(200)
  })

  it('refuses a foreign Origin, on files and on IPC', async () => {
    const file = await send(host.port, { path: '/', headers: { origin: 'http://evil.example' } })
    expect(file.status).toBe(403)
    const ipc = await postJson(host.port, '/ipc/getDeskStatus', {}, { origin: 'http://evil.example' })
    expect(ipc.status).toBe(403)
    const nullOrigin = await postJson(host.port, '/ipc/getDeskStatus', {}, { origin: 'null' })
    expect(nullOrigin.status).toBe(403)
    const otherPort = await postJson(host.port, '/ipc/getDeskStatus', {}, { origin: `http://127.0.0.1:${host.port + 1}` })
    expect(otherPort.status).toBe(403)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('refuses Sec-Fetch-Site: cross-site on IPC', async () => {
    const res = await postJson(host.port, '/ipc/getDeskStatus', {}, { 'sec-fetch-site': 'cross-site' })
    expect(res.status).toBe(403)
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(dispatch).not.toHaveBeenCalled()
  })
})

describe('headless host: POST /ipc/<name>', () => {
  it('passes the parsed body to dispatch and answers its Result with 200', async () => {
    const res = await postJson(host.port, '/ipc/signIn', { username: 'demo', password: 'x' }, { 'sec-fetch-site': 'same-origin' })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(res.headers['cache-control']).toBe('no-store')
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { name: 'signIn', input: { username: 'demo', password: 'x' } } })
    expect(dispatch).toHaveBeenCalledWith('signIn', { username: 'demo', password: 'x' })
  })

  it('answers a failed Result with 200 too', async () => {
    dispatch.mockResolvedValueOnce(fail('BAD_CREDENTIALS', '用户名或密码不正确。') as never)
    const res = await postJson(host.port, '/ipc/signIn', { username: 'demo', password: 'bad' })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'BAD_CREDENTIALS', message: '用户名或密码不正确。' } })
  })

  it('accepts a call without Origin (non-browser client on the same machine)', async () => {
    const res = await send(host.port, {
      method: 'POST',
      path: '/ipc/getDeskStatus',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '{}',
    })
    expect(res.status).toBe(200)
  })

  it('answers 404 for an unknown operation and never dispatches it', async () => {
    for (const path of ['/ipc/dropTables', '/ipc/', '/ipc/constructor', '/ipc/signIn/extra']) {
      const res = await postJson(host.port, path, {})
      expect(res.status).toBe(404)
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    }
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('answers 405 to other methods', async () => {
    const res = await send(host.port, { path: '/ipc/getDeskStatus' })
    expect(res.status).toBe(405)
    expect(res.headers.allow).toBe('POST')
  })

  it('requires Content-Type: application/json (415 otherwise)', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const res = await send(host.port, { method: 'POST', path: '/ipc/getDeskStatus', headers: { 'content-type': contentType }, body: '{}' })
      expect(res.status).toBe(415)
    }
    const none = await send(host.port, { method: 'POST', path: '/ipc/getDeskStatus', body: '{}' })
    expect(none.status).toBe(415)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('answers 400 to a body that is not JSON', async () => {
    for (const body of ['not json', '', '{"a":']) {
      const res = await send(host.port, { method: 'POST', path: '/ipc/getDeskStatus', headers: { 'content-type': 'application/json' }, body })
      expect(res.status).toBe(400)
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('answers 413 to a body over 64 KiB', async () => {
    const res = await postJson(host.port, '/ipc/signIn', { username: 'x'.repeat(70_000), password: 'y' })
    expect(res.status).toBe(413)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('answers 500 with an INTERNAL Result when dispatch throws', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    dispatch.mockRejectedValueOnce(new TypeError('boom 120104200403151237'))
    const res = await postJson(host.port, '/ipc/getDeskStatus', {})
    expect(res.status).toBe(500)
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    // K3: personal data in an error message never reaches the log.
    expect(spy.mock.calls.flat().join(' ')).not.toContain('120104200403151237')
    spy.mockRestore()
  })
})

describe('startHost with services', () => {
  it('dispatches through services.dispatch and closes cleanly', async () => {
    const services = { dispatch: vi.fn(async () => ok('pong')) }
    const other = await startHost({ services, staticDir, port: 0, host: '127.0.0.1' })
    const res = await postJson(other.port, '/ipc/getDeskStatus', {})
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: 'pong' })
    expect(services.dispatch).toHaveBeenCalledWith('getDeskStatus', {})
    await other.close()
    await expect(send(other.port, { path: '/' })).rejects.toThrow()
  })
})
