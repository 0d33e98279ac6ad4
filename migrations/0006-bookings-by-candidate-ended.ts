/**
 * 0006: the candidate's bookings index also carries when each booking went (ended_at), so B6's
 * "holds nothing and nothing went within the grace" is answered from the index alone, without
 * reading a booking row, for every registration the sweep looks at (issue #8: 100,000 at once).
 * It replaces bookings_by_candidate, whose (candidate_id, status) prefix it keeps serving.
 *
 * Frozen in time: this file never imports app code and must never change once shipped.
 */
import { sql, type Kysely, type Migration } from 'kysely'

export const bookingsByCandidateEndedMigration: Migration = {
  // Frozen in time: a migration must not depend on today's table types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>): Promise<void> {
    await sql`create index bookings_by_candidate_status_ended on bookings (candidate_id, status, ended_at)`.execute(db)
    await sql`drop index bookings_by_candidate`.execute(db)
  },
}
