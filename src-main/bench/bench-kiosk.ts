/**
 * A kiosk's service context for a bench: a fresh bench store whose catalog was synced from the
 * reference central (demo data), and a central client over a transport the bench chooses.
 */
import { createCentralClient } from '../central/central-client'
import { createFetchTransport, type CentralTransport } from '../central/central-transport'
import { syncCatalogAndRoster } from '../services/catalog-sync'
import { Desk } from '../services/desk'
import type { ServiceContext } from '../services/service-context'
import { silentLogger } from '../support/logger'
import type { BenchStore } from './bench-store'

/** No answer ever arrives: the link is down. */
export const deadTransport: CentralTransport = () => Promise.reject(new Error('bench: the link is down'))

export function benchContext(bench: BenchStore, transport: CentralTransport, deviceToken: string): ServiceContext {
  const clock = () => new Date()
  return {
    db: bench.store.db,
    central: createCentralClient({ transport, deviceToken, clock }),
    clock,
    desk: new Desk(),
    mode: 'central',
    logger: silentLogger,
    protector: bench.protector,
  }
}

/** Pulls the central's catalog and roster into the bench store (as the kiosk's sync does). */
export async function syncFromCentral(bench: BenchStore, centralUrl: string, deviceToken: string): Promise<ServiceContext> {
  const ctx = benchContext(bench, createFetchTransport(centralUrl), deviceToken)
  const synced = await syncCatalogAndRoster(ctx)
  if (!synced.ok) throw new Error(`bench: catalog sync failed: ${JSON.stringify(synced.failure)}`)
  return ctx
}
