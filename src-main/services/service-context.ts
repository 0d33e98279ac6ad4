/** What every service gets: the local store, the central client, a clock, the desk, a log. */
import type { CentralClient } from '../central/central-client'
import type { FieldProtector } from '../protection/field-protector'
import type { KioskDb } from '../store/schema'
import type { Clock } from '../support/clock'
import type { Logger } from '../support/logger'
import type { UpdateStatus } from '../../src-shared/ipc/update-status'
import type { Desk } from './desk'
import type { RosterImports } from '../import/roster-import-supervisor'

export type LinkMode = 'demo' | 'central'

/** K2: a visit idle this long ends by itself, unless the deployment sets another time. */
export const DEFAULT_IDLE_TIMEOUT_SECONDS = 180

export interface ServiceContext {
  readonly db: KioskDb
  readonly central: CentralClient
  readonly clock: Clock
  readonly desk: Desk
  readonly mode: LinkMode
  readonly logger: Logger
  /** K3: seals and opens ID numbers and phones kept in the store. */
  readonly protector: FieldProtector
  /** K2: defaults to DEFAULT_IDLE_TIMEOUT_SECONDS. */
  readonly idleTimeoutSeconds?: number
  /** K6: set by the Electron shell's updater; absent in the headless host. */
  readonly updateStatus?: () => UpdateStatus
  /** 数据导入: the roster import worker's supervisor; absent in tests that do not import. */
  readonly rosterImports?: RosterImports
}
