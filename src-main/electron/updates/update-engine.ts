/**
 * The part of electron-updater's AppUpdater the kiosk drives. Production passes the real
 * `autoUpdater`; the tests pass a real updater class running against a local server.
 */
export interface UpdateInfoLike {
  readonly version: string
}

export interface UpdateCheckResultLike {
  readonly isUpdateAvailable: boolean
  readonly updateInfo: UpdateInfoLike
}

export interface CancellationTokenLike {
  cancel(): void
}

export interface UpdaterLogger {
  info(message?: unknown): void
  warn(message?: unknown): void
  error(message?: unknown): void
}

export interface UpdateEngine {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  allowDowngrade: boolean
  allowPrerelease: boolean
  logger: UpdaterLogger | null
  setFeedURL(options: { provider: 'generic'; url: string }): void
  checkForUpdates(): Promise<UpdateCheckResultLike | null>
  downloadUpdate(cancellationToken?: CancellationTokenLike): Promise<unknown>
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void
  on(event: 'error', listener: (error: Error) => void): unknown
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown
}
