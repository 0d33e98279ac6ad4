import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ok } from '../../../src-shared/domain/result'
import { readKioskConfig } from '../../../src-main/app/kiosk-config'
import { createOffsetClock } from '../../../src-main/app/test-clock'
import { startHost, type RunningHost } from '../../../src-main/host/server'
import { postJson, send } from './http-client'

describe('test clock (end-to-end tests only, B4)', () => {
  let staticDir: string
  let plain: RunningHost
  let withClock: RunningHost
  const advance = vi.fn(async (ms: number) => new Date(Date.UTC(2026, 8, 10) + ms))
  const setCentralLink = vi.fn(async (_up: boolean) => {})

  beforeAll(async () => {
    staticDir = await mkdtemp(join(tmpdir(), 'kiosk-test-clock-'))
    await writeFile(join(staticDir, 'index.html'), '<!doctype html>')
    const dispatch = async () => ok({})
    plain = await startHost({ dispatch, staticDir, port: 0, host: '127.0.0.1' })
    withClock = await startHost({ dispatch, staticDir, port: 0, host: '127.0.0.1', testClock: { advance, setCentralLink } })
  })
  afterAll(async () => {
    await plain.close()
    await withClock.close()
    await rm(staticDir, { recursive: true, force: true })
  })

  it('is off by default: POST /test/clock is refused (404) and no clock moves', async () => {
    const res = await postJson(plain.port, '/test/clock', { advanceMs: 86_400_000 })
    expect(res.status).toBe(404)
    expect(advance).not.toHaveBeenCalled()
    expect(readKioskConfig([], {}, { dataDir: staticDir }).testClock).toBeUndefined()
  })

  it('is on only when asked for: --test-clock or KIOSK_TEST_CLOCK=1', () => {
    expect(readKioskConfig(['--test-clock'], {}, { dataDir: staticDir }).testClock).toBe(true)
    expect(readKioskConfig([], { KIOSK_TEST_CLOCK: '1' }, { dataDir: staticDir }).testClock).toBe(true)
    expect(readKioskConfig([], { KIOSK_TEST_CLOCK: 'yes' }, { dataDir: staticDir }).testClock).toBeUndefined()
  })

  it('when enabled, moves the clock forward and answers the new now; foreign or malformed calls are refused', async () => {
    const res = await postJson(withClock.port, '/test/clock', { advanceMs: 60_000 })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toEqual({ now: '2026-09-10T00:01:00.000Z' })
    expect(advance).toHaveBeenCalledWith(60_000)

    expect((await postJson(withClock.port, '/test/clock', { advanceMs: -1 })).status).toBe(400)
    expect((await send(withClock.port, { path: '/test/clock' })).status).toBe(405)
    const foreign = await postJson(withClock.port, '/test/clock', { advanceMs: 1 }, { origin: 'http://evil.example' })
    expect(foreign.status).toBe(403)
    expect(advance).toHaveBeenCalledTimes(1)
  })

  it('S4 tests: POST /test/link cuts and restores the link only when enabled; malformed or foreign calls are refused', async () => {
    expect((await postJson(plain.port, '/test/link', { up: false })).status).toBe(404)
    const cut = await postJson(withClock.port, '/test/link', { up: false })
    expect(cut.status).toBe(200)
    expect(JSON.parse(cut.body)).toEqual({ up: false })
    expect((await postJson(withClock.port, '/test/link', { up: 'no' })).status).toBe(400)
    expect((await postJson(withClock.port, '/test/link', { up: true }, { origin: 'http://evil.example' })).status).toBe(403)
    expect(setCentralLink.mock.calls).toEqual([[false]])
  })

  it('the offset clock only moves forward', () => {
    const clock = createOffsetClock(() => new Date('2026-09-10T00:00:00.000Z'))
    expect(clock.advance(24 * 60 * 60 * 1000).toISOString()).toBe('2026-09-11T00:00:00.000Z')
    expect(clock.clock().toISOString()).toBe('2026-09-11T00:00:00.000Z')
    expect(() => clock.advance(-1)).toThrow(RangeError)
  })
})
