import { describe, expect, it, vi } from 'vitest'
import { createScheduler, type Timers } from '../../../src-main/app/scheduler'
import { createKioskUpdater, UPDATE_CHECK_JOB, UPDATE_INSTALL_JOB } from '../../../src-main/electron/updates/kiosk-updater'
import { DEFAULT_CHECK_INTERVAL_MS, readUpdateConfig } from '../../../src-main/electron/updates/update-config'
import type { UpdateEngine } from '../../../src-main/electron/updates/update-engine'
import { silentLogger } from '../../../src-main/support/logger'

describe('update configuration (K6)', () => {
  it('K6: the IT server URL comes from --update-url or KIOSK_UPDATE_URL (flag wins), else the package feed', () => {
    expect(readUpdateConfig([], {}).feedUrl).toBeNull()
    expect(readUpdateConfig([], { KIOSK_UPDATE_URL: 'https://it.campus.example/kiosk' }).feedUrl).toBe('https://it.campus.example/kiosk/')
    expect(readUpdateConfig(['--update-url', 'https://a.example/x/'], { KIOSK_UPDATE_URL: 'https://b.example/' }).feedUrl).toBe('https://a.example/x/')
    expect(readUpdateConfig(['--update-url=https://a.example/'], {}).feedUrl).toBe('https://a.example/')
  })

  it('K6: refuses a feed that is not https (a tampered feed could name its own checksum)', () => {
    expect(() => readUpdateConfig([], { KIOSK_UPDATE_URL: 'http://it.campus.example/' })).toThrow(/https/)
    expect(() => readUpdateConfig([], { KIOSK_UPDATE_URL: 'file:///tmp/feed' })).toThrow(/https/)
    expect(() => readUpdateConfig([], { KIOSK_UPDATE_URL: 'not a url' })).toThrow(/not a valid URL/)
    expect(readUpdateConfig([], { KIOSK_UPDATE_URL: 'http://127.0.0.1:8080/' }).feedUrl).toBe('http://127.0.0.1:8080/')
  })

  it('checks every 4 hours unless KIOSK_UPDATE_CHECK_MINUTES says otherwise (at least every minute)', () => {
    expect(readUpdateConfig([], {}).checkIntervalMs).toBe(DEFAULT_CHECK_INTERVAL_MS)
    expect(readUpdateConfig([], { KIOSK_UPDATE_CHECK_MINUTES: '30' }).checkIntervalMs).toBe(30 * 60 * 1000)
    expect(readUpdateConfig([], { KIOSK_UPDATE_CHECK_MINUTES: '0' }).checkIntervalMs).toBe(60 * 1000)
  })
})

describe('update schedule (K6, K5)', () => {
  function fakeEngine() {
    return {
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowDowngrade: true,
      allowPrerelease: true,
      logger: null,
      setFeedURL: vi.fn(),
      checkForUpdates: vi.fn(async () => ({ isUpdateAvailable: false, updateInfo: { version: '1.0.0' } })),
      downloadUpdate: vi.fn(async () => []),
      quitAndInstall: vi.fn(),
      on: vi.fn(),
    } satisfies UpdateEngine
  }

  function manualTimers() {
    const pending = new Map<number, { callback: () => void; ms: number }>()
    let next = 0
    const timers: Timers = {
      setTimeout: (callback, ms) => {
        pending.set(++next, { callback, ms })
        return next
      },
      clearTimeout: (handle) => void pending.delete(handle as number),
    }
    return { timers, pending }
  }

  it('K6: checks on the scheduler at the configured interval and never overlaps a check', async () => {
    const engine = fakeEngine()
    const updater = createKioskUpdater({
      engine,
      config: { feedUrl: 'https://it.campus.example/', checkIntervalMs: 3_600_000, installPollMs: 30_000 },
      readiness: async () => ({ candidateBeingServed: false, pendingChanges: 0 }),
      newCancellationToken: () => ({ cancel: vi.fn() }),
      logger: silentLogger,
    })
    expect(engine.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://it.campus.example/' })
    expect(engine).toMatchObject({ allowDowngrade: false, allowPrerelease: false, autoDownload: false, autoInstallOnAppQuit: false })

    const { timers, pending } = manualTimers()
    const scheduler = createScheduler({ logger: silentLogger, timers })
    for (const job of updater.jobs()) scheduler.add(job)
    expect([...pending.values()].map((t) => t.ms).sort((a, b) => a - b)).toEqual([30_000, 3_600_000])
    expect(updater.jobs().map((j) => j.name)).toEqual([UPDATE_CHECK_JOB, UPDATE_INSTALL_JOB])

    await Promise.all([scheduler.runNow(UPDATE_CHECK_JOB), scheduler.runNow(UPDATE_CHECK_JOB)])
    expect(engine.checkForUpdates).toHaveBeenCalledTimes(1)
    expect(updater.status().state).toBe('idle')
    await scheduler.dispose()
    expect(pending.size).toBe(0)
  })

  it('K6: a check that fails is reported and retried by the next check', async () => {
    const engine = fakeEngine()
    engine.checkForUpdates.mockRejectedValueOnce(new Error('net::ERR_CONNECTION_REFUSED'))
    const updater = createKioskUpdater({
      engine,
      config: { feedUrl: null, checkIntervalMs: 60_000, installPollMs: 30_000 },
      readiness: async () => ({ candidateBeingServed: false, pendingChanges: 0 }),
      newCancellationToken: () => ({ cancel: vi.fn() }),
      logger: silentLogger,
    })
    expect(engine.setFeedURL).not.toHaveBeenCalled()
    await updater.check()
    expect(updater.status()).toMatchObject({ state: 'error', message: '更新未能完成，稍后将自动重试。' })
    await updater.check()
    expect(updater.status().state).toBe('idle')
  })
})
