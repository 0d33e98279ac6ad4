/**
 * The composition root of the kiosk's main-process core, free of Electron: the Electron shell
 * and the headless host both build on it. It opens and migrates the local store, starts the
 * built-in demo central when none is configured (K7, reached over HTTP like a real one), wires
 * the central client, the services and the IPC dispatch, and owns the scheduler.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { startCentralServer, type RunningCentral } from '../../src-central/server'
import { fail, type Result } from '../../src-shared/domain/result'
import { createCentralClient } from '../central/central-client'
import { createFetchTransport, type CentralTransport } from '../central/central-transport'
import { createDispatch, INTERNAL_MESSAGE } from '../ipc/dispatch'
import { createHandlerTable } from '../ipc/handler-table'
import { seedDemoOperators } from '../services/demo-operators'
import { Desk } from '../services/desk'
import type { ServiceContext } from '../services/service-context'
import { closeOpenVisits } from '../services/visit-closing'
import { migrateToLatest } from '../store/migrate'
import { openDatabase, type KioskStore } from '../store/open-database'
import { systemClock, type Clock } from '../support/clock'
import { consoleLogger, type Logger } from '../support/logger'
import { CATALOG_SYNC_JOB, catalogSyncJob } from './catalog-sync-job'
import type { KioskConfig } from './kiosk-config'
import { createScheduler, type Timers } from './scheduler'

export interface KioskServices {
  readonly config: KioskConfig
  dispatch(name: string, rawInput: unknown): Promise<Result<unknown>>
  /** Drains the scheduler, closes the demo central, closes the db. */
  dispose(): Promise<void>
}

/** Seams for tests; production passes nothing. */
export interface KioskServicesOptions {
  readonly logger?: Logger
  readonly timers?: Timers
  /** Replaces the fetch transport (fault injection). */
  readonly transport?: CentralTransport
  readonly syncIntervalMs?: number
}

export const KIOSK_DB_FILE = 'kiosk.sqlite'
export const DEMO_CENTRAL_DB_FILE = 'demo-central.sqlite'
/** The demo central's schools (K7): 南开大学 and 测试学校机构01. */
export const DEMO_SCHOOL_CODES = ['12001', '99301'] as const

interface CentralLink {
  readonly url: string
  readonly token: string
  readonly demo: RunningCentral | null
}

async function connectCentral(config: KioskConfig): Promise<CentralLink> {
  if (config.centralUrl !== null) {
    if (config.deviceToken === null) throw new Error('A device token is required with a central service URL.')
    return { url: config.centralUrl, token: config.deviceToken, demo: null }
  }
  const demo = await startCentralServer({
    dbPath: join(config.dataDir, DEMO_CENTRAL_DB_FILE),
    port: 0,
    ...(config.now === undefined ? {} : { now: config.now }),
  })
  return { url: demo.url, token: demo.issueDeviceToken(config.kioskId, DEMO_SCHOOL_CODES), demo }
}

async function openStore(config: KioskConfig, clock: Clock, demo: boolean): Promise<KioskStore> {
  const store = openDatabase(
    join(config.dataDir, KIOSK_DB_FILE),
    config.sqliteNativeBinding === undefined ? {} : { nativeBinding: config.sqliteNativeBinding },
  )
  try {
    await migrateToLatest(store.db)
    if (demo) await seedDemoOperators(store.db, clock)
    // A visit left open by a crash or power cut is over: the desk starts empty.
    await store.db.transaction().execute((trx) => closeOpenVisits(trx, clock(), null, 'kiosk restarted'))
    return store
  } catch (error) {
    await store.close()
    throw error
  }
}

export async function createKioskServices(config: KioskConfig, options: KioskServicesOptions = {}): Promise<KioskServices> {
  const clock = config.now ?? systemClock
  const logger = options.logger ?? consoleLogger
  await mkdir(config.dataDir, { recursive: true })

  const link = await connectCentral(config)
  let store: KioskStore
  try {
    store = await openStore(config, clock, link.demo !== null)
  } catch (error) {
    await link.demo?.close()
    throw error
  }

  const central = createCentralClient({
    transport: options.transport ?? createFetchTransport(link.url),
    deviceToken: link.token,
    clock,
  })
  const desk = new Desk()
  const ctx: ServiceContext = { db: store.db, central, clock, desk, mode: link.demo === null ? 'central' : 'demo', logger }
  const dispatchOperation = createDispatch(createHandlerTable(ctx), logger)

  const scheduler = createScheduler({ logger, ...(options.timers === undefined ? {} : { timers: options.timers }) })
  const syncOptions = options.syncIntervalMs === undefined ? {} : { intervalMs: options.syncIntervalMs }
  scheduler.add(catalogSyncJob(ctx, logger, syncOptions))
  // The first sync never fails start-up: offline, the kiosk serves from what it has (S4).
  await scheduler.runNow(CATALOG_SYNC_JOB)

  const inFlight = new Set<Promise<unknown>>()
  let disposing: Promise<void> | null = null

  function dispatch(name: string, rawInput: unknown): Promise<Result<unknown>> {
    if (disposing !== null) return Promise.resolve(fail('INTERNAL', INTERNAL_MESSAGE))
    const pending = dispatchOperation(name, rawInput)
    inFlight.add(pending)
    void pending.finally(() => inFlight.delete(pending))
    return pending
  }

  async function dispose(): Promise<void> {
    await scheduler.dispose()
    await Promise.allSettled([...inFlight])
    try {
      await store.db.transaction().execute((trx) => closeOpenVisits(trx, clock(), desk.operator?.id ?? null, 'kiosk closed'))
    } catch (error) {
      logger.warn(`could not close the open visit at shutdown: ${String(error instanceof Error ? error.name : error)}`)
    }
    desk.clear()
    await link.demo?.close()
    await store.close()
  }

  return {
    config,
    dispatch,
    dispose: () => (disposing ??= dispose()),
  }
}
