/**
 * Every migration of the kiosk's local store, imported statically: a bundled app has no
 * migrations folder to read at run time. Keys sort in the order they run; append, never edit.
 */
import type { Migration } from 'kysely'
import { initialMigration } from './0001-initial'
import { bookingsAndOrdersMigration } from './0002-bookings-and-orders'
import { personalDataProtectionMigration } from './0003-personal-data-protection'
import { syncOutboxMigration } from './0004-sync-outbox'
import { waitlistEntriesMigration } from './0005-waitlist-entries'
import { bookingsByCandidateEndedMigration } from './0006-bookings-by-candidate-ended'

export const migrations: Record<string, Migration> = {
  '0001-initial': initialMigration,
  '0002-bookings-and-orders': bookingsAndOrdersMigration,
  '0003-personal-data-protection': personalDataProtectionMigration,
  '0004-sync-outbox': syncOutboxMigration,
  '0005-waitlist-entries': waitlistEntriesMigration,
  '0006-bookings-by-candidate-ended': bookingsByCandidateEndedMigration,
}
