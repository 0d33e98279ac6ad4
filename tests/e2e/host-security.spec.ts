/** The headless host refuses IPC from anything but its own renderer (DNS rebinding, CSRF). */
import { expect, test } from './fixtures'

test('the host refuses POST /ipc with a foreign Origin', async ({ request, baseURL }) => {
  const foreign = await request.post('/ipc/getDeskStatus', { data: {}, headers: { Origin: 'http://evil.example' } })
  expect(foreign.status()).toBe(403)

  const crossSite = await request.post('/ipc/getDeskStatus', {
    data: {},
    headers: { Origin: baseURL!, 'Sec-Fetch-Site': 'cross-site' },
  })
  expect(crossSite.status()).toBe(403)
  expect(await crossSite.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

  const formPost = await request.post('/ipc/signIn', {
    form: { username: 'demo', password: 'demo1234' },
    headers: { Origin: baseURL! },
  })
  expect(formPost.status()).toBe(415)

  const own = await request.post('/ipc/getDeskStatus', { data: {}, headers: { Origin: baseURL! } })
  expect(own.status()).toBe(200)
  expect(await own.json()).toMatchObject({ ok: true })
})

test('the host serves the renderer with its security headers', async ({ request }) => {
  const response = await request.get('/')
  expect(response.status()).toBe(200)
  const headers = response.headers()
  expect(headers['content-security-policy']).toContain("script-src 'self'")
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('no-referrer')
  expect((await request.get('/../package.json')).status()).toBe(404)
})
