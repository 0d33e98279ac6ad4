/** What every service gets: the local store, the central client, a clock, the desk, a log. */
import type { CentralClient } from '../central/central-client'
import type { KioskDb } from '../store/schema'
import type { Clock } from '../support/clock'
import type { Logger } from '../support/logger'
import type { Desk } from './desk'

export type LinkMode = 'demo' | 'central'

export interface ServiceContext {
  readonly db: KioskDb
  readonly central: CentralClient
  readonly clock: Clock
  readonly desk: Desk
  readonly mode: LinkMode
  readonly logger: Logger
}
