/** The periodic catalog + roster pull (S4), as a scheduler job. */
import { describeFailure } from '../central/central-failure'
import { syncCatalogAndRoster, type SyncDeps, type SyncOptions } from '../services/catalog-sync'
import type { Logger } from '../support/logger'
import type { JobSpec } from './scheduler'

export const CATALOG_SYNC_JOB = 'catalog-sync'
export const CATALOG_SYNC_INTERVAL_MS = 5 * 60 * 1000

export function catalogSyncJob(deps: SyncDeps, logger: Logger, options: SyncOptions & { intervalMs?: number } = {}): JobSpec {
  return {
    name: CATALOG_SYNC_JOB,
    intervalMs: options.intervalMs ?? CATALOG_SYNC_INTERVAL_MS,
    async run() {
      const result = await syncCatalogAndRoster(deps, options)
      if (!result.ok) {
        logger.warn(`catalog sync did not complete: ${describeFailure(result.failure)}`)
        return
      }
      const r = result.value
      logger.info(
        `catalog sync: ${r.offerings} offerings, ${r.rosterRecords} roster records${r.rosterComplete ? '' : ' (roster continues next run)'}`,
      )
    },
  }
}
