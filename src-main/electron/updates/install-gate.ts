/**
 * K6: a downloaded update is installed only when doing so cannot hurt anyone: no candidate is
 * being served at the desk, and no change is waiting in the outbox for delivery.
 */
import type { InstallReadiness } from '../../app/kiosk-services'

export type InstallBlocker = 'candidate' | 'outbox'

export function installBlocker(readiness: InstallReadiness): InstallBlocker | null {
  if (readiness.candidateBeingServed) return 'candidate'
  if (readiness.pendingChanges > 0) return 'outbox'
  return null
}
