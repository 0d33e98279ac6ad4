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
import { ensureFirstSupervisor, FIRST_SUPERVISOR_ENV, FIRST_SUPERVISOR_PASSWORD_ENV } from '../services/first-supervisor'
import { Desk } from '../services/desk'
import { DEFAULT_IDLE_TIMEOUT_SECONDS, type ServiceContext } from '../services/service-context'
import { closeOpenVisits } from '../services/visit-closing'
import { loadOrCreateDataKey } from '../protection/data-key-store'
import { createFieldProtector, type FieldProtector } from '../protection/field-protector'
import { createKeyFileWrapper } from '../protection/key-file-wrapper'
import type { KeyWrapper } from '../protection/key-wrapper'
import { protectParkedRosterValues } from '../protection/parked-roster-values'
import { migrateToLatest } from '../store/migrate'
import { openDatabase, type KioskStore } from '../store/open-database'
import { systemClock, type Clock } from '../support/clock'
import { consoleLogger, type Logger } from '../support/logger'
import { CATALOG_SYNC_JOB, catalogSyncJob } from './catalog-sync-job'
import { BOOKING_EXPIRY_JOB, bookingExpiryJob, PAYMENT_FOLLOW_UP_JOB, paymentFollowUpJob } from './booking-jobs'
import { createOffsetClock, type TestClockControl } from './test-clock'
import type { UpdateStatus } from '../../src-shared/ipc/update-status'
import type { KioskConfig } from './kiosk-config'
import { createScheduler, type Timers } from './scheduler'
import { ALLOTMENT_JOB, allotmentJob, CHANGE_FEED_JOB, changeFeedJob, OUTBOX_DELIVERY_JOB, outboxDeliveryJob } from './sync-jobs'
import { DEFAULT_ALLOTMENT_SEATS } from '../services/sync/allotment-keeper'
import { countPending } from '../store/outbox-repository'
import { RosterImports, type SpawnImportWorker } from '../import/roster-import-supervisor'
import { appendAudit } from '../store/audit-repository'

export interface KioskServices {
  readonly config: KioskConfig
  dispatch(name: string, rawInput: unknown): Promise<Result<unknown>>
  /** Drains the scheduler, closes the demo central, closes the db. */
  dispose(): Promise<void>
  /** K6: what an update install must wait for (read-only). */
  installReadiness(): Promise<InstallReadiness>
  /** End-to-end tests only (`--test-clock`): null unless explicitly enabled. */
  readonly testClock: TestClockControl | null
}

/** K6: an update installs only when no candidate is being served and nothing waits for delivery. */
export interface InstallReadiness {
  readonly candidateBeingServed: boolean
  readonly pendingChanges: number
}

/** Seams for tests; production passes nothing. */
export interface KioskServicesOptions {
  readonly logger?: Logger
  readonly timers?: Timers
  /** Replaces the fetch transport (fault injection). */
  readonly transport?: CentralTransport
  readonly syncIntervalMs?: number
  /** K3: wraps the store's data key; the headless host's key file when absent. */
  readonly keyWrapper?: KeyWrapper
  /** K6: the Electron shell's updater state, served by getUpdateStatus. */
  readonly updateStatus?: () => UpdateStatus
  /** 数据导入: runs the import in-process in unit tests (Vitest cannot start the TS worker). */
  readonly spawnImportWorker?: SpawnImportWorker
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

async function connectCentral(config: KioskConfig, clock: Clock): Promise<CentralLink> {
  if (config.centralUrl !== null) {
    if (config.deviceToken === null) throw new Error('A device token is required with a central service URL.')
    return { url: config.centralUrl, token: config.deviceToken, demo: null }
  }
  const demo = await startCentralServer({
    dbPath: join(config.dataDir, DEMO_CENTRAL_DB_FILE),
    port: 0,
    // The kiosk's clock, so a test clock moves the demo central's "now" too.
    now: clock,
  })
  return { url: demo.url, token: demo.issueDeviceToken(config.kioskId, DEMO_SCHOOL_CODES), demo }
}

interface ProtectedStore {
  readonly store: KioskStore
  readonly protector: FieldProtector
  /** Handed to the roster import worker, which opens its own connection. */
  readonly dataKey: Buffer
}

/**
 * Opens and migrates the store, then (K3) unwraps its data key and encrypts any roster values a
 * migration parked in clear, before anything is served.
 */
export async function openProtectedStore(config: KioskConfig, wrapper: KeyWrapper): Promise<ProtectedStore> {
  const store = openDatabase(
    join(config.dataDir, KIOSK_DB_FILE),
    config.sqliteNativeBinding === undefined ? {} : { nativeBinding: config.sqliteNativeBinding },
  )
  try {
    await migrateToLatest(store.db)
    const dataKey = await loadOrCreateDataKey(store.db, wrapper)
    const protector = createFieldProtector(dataKey)
    await protectParkedRosterValues(store, protector)
    return { store, protector, dataKey }
  } catch (error) {
    await store.close()
    throw error
  }
}

export async function createKioskServices(config: KioskConfig, options: KioskServicesOptions = {}): Promise<KioskServices> {
  const offsetClock = config.testClock === true ? createOffsetClock(config.now ?? systemClock) : null
  const clock = offsetClock?.clock ?? config.now ?? systemClock
  const logger = options.logger ?? consoleLogger
  await mkdir(config.dataDir, { recursive: true })

  const link = await connectCentral(config, clock)
  let store: KioskStore
  let protector: FieldProtector
  let dataKey: Buffer
  try {
    ;({ store, protector, dataKey } = await openProtectedStore(config, options.keyWrapper ?? createKeyFileWrapper(config.dataDir)))
    try {
      // K7; end-to-end tests against an external central (--test-clock) sign in the same way.
      if (link.demo !== null || config.testClock === true) await seedDemoOperators(store.db, clock)
      else if ((await ensureFirstSupervisor(store.db, clock, config.firstSupervisor ?? null)) === 'none-requested')
        logger.warn(`no operator account yet: set ${FIRST_SUPERVISOR_ENV} and ${FIRST_SUPERVISOR_PASSWORD_ENV} for the first start (K1)`)
      // A visit left open by a crash or power cut is over: the desk starts empty.
      await store.db.transaction().execute((trx) => closeOpenVisits(trx, clock(), null, 'kiosk restarted'))
    } catch (error) {
      await store.close()
      throw error
    }
  } catch (error) {
    await link.demo?.close()
    throw error
  }

  // End-to-end tests (--test-clock) may cut the link (POST /test/link): requests then fail as if the network were down.
  const linkSwitch = { up: true }
  const baseTransport = options.transport ?? createFetchTransport(link.url)
  const transport: CentralTransport =
    config.testClock === true
      ? (request) => (linkSwitch.up ? baseTransport(request) : Promise.reject(new TypeError('fetch failed (test: link cut)')))
      : baseTransport
  const central = createCentralClient({
    transport,
    deviceToken: link.token,
    clock,
  })
  const desk = new Desk()
  const rosterImports = new RosterImports({
    dbPath: join(config.dataDir, KIOSK_DB_FILE),
    dataKey,
    ...(config.sqliteNativeBinding === undefined ? {} : { nativeBinding: config.sqliteNativeBinding }),
    ...(options.spawnImportWorker === undefined ? {} : { spawn: options.spawnImportWorker }),
    // K1: how each import ended, once the worker has let go of the database.
    onFinished: (outcome, request) =>
      void appendAudit(store.db, {
        at: clock(),
        operatorId: desk.operator?.id ?? null,
        candidateId: null,
        action: request.what === 'offerings' ? 'offerings.import' : 'roster.import',
        outcome: outcome?.succeeded === true ? 'ok' : 'failed',
        detail: outcome === null ? 'worker ended early' : `${outcome.imported} imported, ${outcome.errorCount} refused, ${outcome.rows} rows`,
      }).catch(() => logger.warn('could not audit the end of a roster import')),
  })
  const ctx: ServiceContext = {
    db: store.db,
    central,
    clock,
    desk,
    mode: link.demo === null ? 'central' : 'demo',
    logger,
    protector,
    rosterImports,
    idleTimeoutSeconds: config.idleTimeoutSeconds ?? DEFAULT_IDLE_TIMEOUT_SECONDS,
    ...(options.updateStatus === undefined ? {} : { updateStatus: options.updateStatus }),
  }
  const dispatchOperation = createDispatch(createHandlerTable(ctx), logger)

  const scheduler = createScheduler({ logger, ...(options.timers === undefined ? {} : { timers: options.timers }) })
  const syncOptions = options.syncIntervalMs === undefined ? {} : { intervalMs: options.syncIntervalMs }
  scheduler.add(catalogSyncJob(ctx, logger, syncOptions))
  // The first sync never fails start-up: offline, the kiosk serves from what it has (S4).
  await scheduler.runNow(CATALOG_SYNC_JOB)
  scheduler.add(bookingExpiryJob(ctx))
  // P3 fallback: the change feed brings payments too; this asks for the open orders directly.
  scheduler.add(paymentFollowUpJob(ctx))
  // S1–S5: the sync engine (outbox delivery, change feed + link probe, allotments).
  scheduler.add(outboxDeliveryJob(ctx))
  scheduler.add(changeFeedJob(ctx, scheduler))
  scheduler.add(allotmentJob(ctx, config.allotmentSeats ?? DEFAULT_ALLOTMENT_SEATS))
  // B4: bookings that expired while the kiosk was off are expired before anyone sees them.
  await scheduler.runNow(BOOKING_EXPIRY_JOB)
  // S4: seats for offline booking are asked for at once, not after the first interval.
  void scheduler.runNow(ALLOTMENT_JOB)

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
    await rosterImports.dispose()
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
    // K6, S4: an update waits for the outbox to drain.
    installReadiness: async () => ({ candidateBeingServed: desk.visit !== null, pendingChanges: await countPending(store.db) }),
    testClock:
      offsetClock === null
        ? null
        : {
            async advance(ms) {
              const now = offsetClock.advance(ms)
              await scheduler.runNow(BOOKING_EXPIRY_JOB)
              await scheduler.runNow(PAYMENT_FOLLOW_UP_JOB)
              await scheduler.runNow(CHANGE_FEED_JOB)
              return now
            },
            async setCentralLink(up) {
              linkSwitch.up = up
              await scheduler.runNow(CHANGE_FEED_JOB)
              // Back up: the outbox drains before the call answers (the feed job has made it due).
              if (up) await scheduler.runNow(OUTBOX_DELIVERY_JOB)
            },
          },
  }
}
