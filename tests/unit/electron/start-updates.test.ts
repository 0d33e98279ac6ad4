import { describe, expect, it, vi } from 'vitest'
import { silentLogger } from '../../../src-main/support/logger'

const autoUpdater = vi.hoisted(() => ({
  autoDownload: true,
  autoInstallOnAppQuit: true,
  allowDowngrade: true,
  allowPrerelease: true,
  logger: null,
  setFeedURL: vi.fn(),
  checkForUpdates: vi.fn(async () => null),
  downloadUpdate: vi.fn(),
  quitAndInstall: vi.fn(),
  on: vi.fn(),
}))
vi.mock('electron-updater', () => ({ default: { autoUpdater, CancellationToken: class { cancel() {} } } }))

const { startUpdates } = await import('../../../src-main/electron/updates/start-updates')

describe('starting the updater (K6)', () => {
  it('K6: a misconfigured feed is shown to staff and never stops the kiosk, nor reaches the updater', async () => {
    const errors: string[] = []
    const updates = startUpdates({
      argv: [],
      env: { KIOSK_UPDATE_URL: 'http://it.campus.example/' },
      readiness: async () => ({ candidateBeingServed: false, pendingChanges: 0 }),
      logger: { ...silentLogger, error: (m) => errors.push(m) },
    })
    expect(updates.status()).toMatchObject({ state: 'error', message: '自动更新的服务器地址配置有误，请联系IT。' })
    expect(errors.join()).toContain('https')
    expect(autoUpdater.checkForUpdates).not.toHaveBeenCalled()
    await updates.dispose()
  })

  it('K6: checks once at start-up, then on the schedule, and stops on dispose', async () => {
    const updates = startUpdates({
      argv: [],
      env: {},
      readiness: async () => ({ candidateBeingServed: false, pendingChanges: 0 }),
      logger: silentLogger,
    })
    await vi.waitFor(() => expect(autoUpdater.checkForUpdates).toHaveBeenCalledTimes(1))
    expect(autoUpdater.setFeedURL).not.toHaveBeenCalled()
    await updates.dispose()
    expect(updates.status().state).toBe('idle')
  })
})
