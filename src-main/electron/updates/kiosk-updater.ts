/**
 * K6: automatic updates from the IT server. Checks on the scheduler, never downgrades, downloads
 * in the background (electron-updater verifies the file's sha512 from the feed, and on Windows
 * its Authenticode publisher), and installs only when installGate says nobody is hurt by a
 * restart. A failed check or download is retried by the next scheduled check.
 */
import type { UpdateStatus } from '../../../src-shared/ipc/update-status'
import type { InstallReadiness } from '../../app/kiosk-services'
import type { JobSpec } from '../../app/scheduler'
import { describeError, type Logger } from '../../support/logger'
import { installBlocker, type InstallBlocker } from './install-gate'
import type { UpdateConfig } from './update-config'
import type { CancellationTokenLike, UpdateEngine } from './update-engine'

export const UPDATE_CHECK_JOB = 'update-check'
export const UPDATE_INSTALL_JOB = 'update-install'

export interface KioskUpdaterDeps {
  readonly engine: UpdateEngine
  readonly config: UpdateConfig
  readonly readiness: () => Promise<InstallReadiness>
  readonly newCancellationToken: () => CancellationTokenLike
  readonly logger: Logger
}

export interface KioskUpdater {
  status(): UpdateStatus
  /** Looks for a newer version and starts its download in the background. Never rejects. */
  check(): Promise<void>
  /** Installs a downloaded update if nobody is being served; true when the install started. */
  installIfIdle(): Promise<boolean>
  /** Resolves when the download in flight (if any) has settled. */
  settled(): Promise<void>
  jobs(): JobSpec[]
  dispose(): void
}

type State =
  | { readonly kind: 'idle' | 'checking' | 'error' }
  | { readonly kind: 'downloading'; readonly version: string; readonly percent: number }
  | { readonly kind: 'ready'; readonly version: string; readonly waitingFor: InstallBlocker | null; readonly pendingChanges: number }
  | { readonly kind: 'installing'; readonly version: string }

function describe(state: State): UpdateStatus {
  const none = { version: null, percent: null, waitingFor: null }
  switch (state.kind) {
    case 'idle':
      return { state: 'idle', ...none, message: '已是最新版本。' }
    case 'checking':
      return { state: 'checking', ...none, message: '正在检查更新…' }
    case 'error':
      return { state: 'error', ...none, message: '更新未能完成，稍后将自动重试。' }
    case 'downloading':
      return {
        state: 'downloading',
        version: state.version,
        percent: state.percent,
        waitingFor: null,
        message: `正在后台下载新版本 ${state.version}（${Math.floor(state.percent)}%），不影响办理。`,
      }
    case 'ready': {
      const message =
        state.waitingFor === 'candidate'
          ? `新版本 ${state.version} 已下载，当前考生办理完成后自动安装。`
          : state.waitingFor === 'outbox'
            ? `新版本 ${state.version} 已下载，待 ${state.pendingChanges} 条更改上传后自动安装。`
            : `新版本 ${state.version} 已下载，即将自动安装。`
      return { state: 'ready', version: state.version, percent: 100, waitingFor: state.waitingFor, message }
    }
    case 'installing':
      return { state: 'installing', version: state.version, percent: 100, waitingFor: null, message: `正在安装新版本 ${state.version}，服务台将自动重启。` }
  }
}

function updaterLog(logger: Logger) {
  // electron-updater's own messages carry no personal data; they still go through our logger.
  const text = (m: unknown): string => (m instanceof Error ? describeError(m) : String(m))
  return {
    info: (m?: unknown) => logger.info(`updater: ${text(m)}`),
    warn: (m?: unknown) => logger.warn(`updater: ${text(m)}`),
    error: (m?: unknown) => logger.error(`updater: ${text(m)}`),
  }
}

export function createKioskUpdater(deps: KioskUpdaterDeps): KioskUpdater {
  const { engine, config, logger } = deps
  let state: State = { kind: 'idle' }
  let download: Promise<void> = Promise.resolve()
  let token: CancellationTokenLike | null = null
  let disposed = false

  // Set once, explicitly: electron-updater turns allowDowngrade on when a channel is set.
  engine.autoDownload = false
  engine.autoInstallOnAppQuit = false
  engine.allowPrerelease = false
  engine.logger = updaterLog(logger)
  if (config.feedUrl !== null) engine.setFeedURL({ provider: 'generic', url: config.feedUrl })
  engine.allowDowngrade = false
  engine.on('error', (error) => logger.warn(`updater: ${describeError(error)}`))
  engine.on('download-progress', (progress) => {
    if (state.kind === 'downloading') state = { ...state, percent: Math.min(100, Math.max(0, progress.percent)) }
  })

  function startDownload(version: string): void {
    state = { kind: 'downloading', version, percent: 0 }
    const current = deps.newCancellationToken()
    token = current
    download = engine
      .downloadUpdate(current)
      .then(() => {
        if (disposed) return
        state = { kind: 'ready', version, waitingFor: null, pendingChanges: 0 }
        logger.info(`updater: version ${version} downloaded and verified`)
      })
      .catch((error: unknown) => {
        if (disposed) return
        state = { kind: 'error' }
        logger.warn(`updater: download of ${version} failed: ${describeError(error)}`)
      })
      .finally(() => {
        if (token === current) token = null
      })
  }

  async function check(): Promise<void> {
    if (disposed || state.kind === 'downloading' || state.kind === 'ready' || state.kind === 'installing') return
    state = { kind: 'checking' }
    try {
      const result = await engine.checkForUpdates()
      if (disposed) return
      // null: the updater is inactive (not a packaged build); a lower version is never "available".
      if (result === null || !result.isUpdateAvailable) state = { kind: 'idle' }
      else startDownload(result.updateInfo.version)
    } catch (error) {
      if (disposed) return
      state = { kind: 'error' }
      logger.warn(`updater: check failed: ${describeError(error)}`)
    }
  }

  async function installIfIdle(): Promise<boolean> {
    if (disposed || state.kind !== 'ready') return false
    const readiness = await deps.readiness()
    if (state.kind !== 'ready') return false
    const blocker = installBlocker(readiness)
    state = { ...state, waitingFor: blocker, pendingChanges: readiness.pendingChanges }
    if (blocker !== null) return false
    const { version } = state
    state = { kind: 'installing', version }
    logger.info(`updater: installing version ${version}`)
    engine.quitAndInstall(true, true)
    return true
  }

  return {
    status: () => describe(state),
    check,
    installIfIdle,
    settled: () => download,
    jobs: () => [
      { name: UPDATE_CHECK_JOB, intervalMs: config.checkIntervalMs, run: check },
      { name: UPDATE_INSTALL_JOB, intervalMs: config.installPollMs, run: () => installIfIdle().then(() => undefined) },
    ],
    dispose() {
      disposed = true
      token?.cancel()
    },
  }
}
