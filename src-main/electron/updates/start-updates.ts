/**
 * K6: wires electron-updater's autoUpdater to the kiosk updater on its own scheduler (timers
 * only through the scheduler; drained on quit). Only a packaged build updates itself.
 */
import electronUpdater from 'electron-updater'
import type { UpdateStatus } from '../../../src-shared/ipc/update-status'
import type { InstallReadiness } from '../../app/kiosk-services'
import { createScheduler, type Timers } from '../../app/scheduler'
import { describeError, type Logger } from '../../support/logger'
import { createKioskUpdater, UPDATE_CHECK_JOB } from './kiosk-updater'
import { readUpdateConfig, type UpdateConfig } from './update-config'
import type { UpdateEngine } from './update-engine'

export interface RunningUpdates {
  status(): UpdateStatus
  dispose(): Promise<void>
}

export interface StartUpdatesOptions {
  readonly argv: readonly string[]
  readonly env: Record<string, string | undefined>
  readonly readiness: () => Promise<InstallReadiness>
  readonly logger: Logger
  readonly timers?: Timers
}

/** A misconfigured feed must not keep the desk from serving candidates: it is shown, not fatal. */
const MISCONFIGURED: UpdateStatus = {
  state: 'error',
  version: null,
  percent: null,
  waitingFor: null,
  message: '自动更新的服务器地址配置有误，请联系IT。',
}

export function startUpdates(options: StartUpdatesOptions): RunningUpdates {
  let config: UpdateConfig
  try {
    config = readUpdateConfig(options.argv, options.env)
  } catch (error) {
    options.logger.error(`updater: ${describeError(error)}`)
    return { status: () => MISCONFIGURED, dispose: () => Promise.resolve() }
  }
  // AppUpdater's typed-emitter overloads are wider than the slice UpdateEngine names.
  const engine = electronUpdater.autoUpdater as unknown as UpdateEngine
  const updater = createKioskUpdater({
    engine,
    config,
    readiness: options.readiness,
    newCancellationToken: () => new electronUpdater.CancellationToken(),
    logger: options.logger,
  })
  const scheduler = createScheduler({ logger: options.logger, ...(options.timers === undefined ? {} : { timers: options.timers }) })
  for (const job of updater.jobs()) scheduler.add(job)
  // The first look happens at start-up, in the background; later ones on the schedule.
  void scheduler.runNow(UPDATE_CHECK_JOB)
  return {
    status: () => updater.status(),
    async dispose() {
      updater.dispose()
      await scheduler.dispose()
    },
  }
}
