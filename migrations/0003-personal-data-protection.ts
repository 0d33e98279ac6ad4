/**
 * 0003 (K3, at rest): the roster keeps ID numbers and phones only encrypted (AES-256-GCM) and
 * finds a document through a keyed hash (HMAC) of its number, so a lookup stays one probe of a
 * unique index. roster_records is rebuilt with id_number_hmac / id_number_enc / phone_enc in
 * place of id_number / phone.
 *
 * A migration has no key, so rows present now cannot be encrypted here. They are copied with
 * placeholders ('pending:<candidate id>' as the hash, '' as the ciphertexts) and their clear
 * values parked in roster_clear_values, the one place clear values still exist. Before the
 * kiosk serves anything, main's protectParkedRosterValues step encrypts them, drops that table
 * and vacuums the file (with secure_delete on), so no page or WAL frame keeps them.
 *
 * The rebuild follows SQLite's procedure for schema changes: with foreign keys off (the runner,
 * migrateToLatest, turns them off around migrations; a pragma cannot inside a transaction) the
 * new table is filled, the old one dropped and the new one renamed into its place, so the tables
 * that reference roster_records (registrations, later ones) keep pointing at the name; then
 * foreign_key_check must come back empty or the whole migration rolls back.
 *
 * Frozen in time: this file never imports app code and must never change once shipped.
 */
import { sql, type Kysely, type Migration } from 'kysely'

export const personalDataProtectionMigration: Migration = {
  // Frozen in time: a migration must not depend on today's table types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('roster_records_protected')
      .addColumn('candidate_id', 'text', (c) => c.primaryKey())
      .addColumn('id_type', 'text', (c) => c.notNull())
      // base64url HMAC-SHA256 of the normalised number under the kiosk's index key.
      .addColumn('id_number_hmac', 'text', (c) => c.notNull())
      // 'v1.' + base64url(iv | tag | ciphertext), AES-256-GCM under the kiosk's data key.
      .addColumn('id_number_enc', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('gender', 'text', (c) => c.notNull().check(sql`gender in ('男', '女')`))
      .addColumn('phone_enc', 'text', (c) => c.notNull())
      .addColumn('school_code', 'text', (c) => c.notNull())
      .addColumn('campus_code', 'text', (c) => c.notNull())
      .addColumn('education_level', 'text', (c) => c.notNull())
      .addColumn('schooling_years', 'integer', (c) => c.notNull())
      .addColumn('enrollment_year', 'text', (c) => c.notNull())
      .addColumn('grade', 'text', (c) => c.notNull())
      .addColumn('department', 'text', (c) => c.notNull())
      .addColumn('major', 'text', (c) => c.notNull())
      .addColumn('class_name', 'text', (c) => c.notNull())
      .addColumn('student_number', 'text', (c) => c.notNull())
      .addColumn('remarks', 'text', (c) => c.notNull())
      .addColumn('eligible_subject_codes', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('roster_records_blind_document', ['id_type', 'id_number_hmac'])
      .modifyEnd(sql`strict`)
      .execute()

    await db.schema
      .createTable('roster_clear_values')
      .addColumn('candidate_id', 'text', (c) => c.primaryKey())
      .addColumn('id_number', 'text', (c) => c.notNull())
      .addColumn('phone', 'text', (c) => c.notNull())
      .modifyEnd(sql`strict, without rowid`)
      .execute()

    await sql`
      insert into roster_clear_values (candidate_id, id_number, phone)
      select candidate_id, id_number, phone from roster_records
    `.execute(db)
    await sql`
      insert into roster_records_protected (
        candidate_id, id_type, id_number_hmac, id_number_enc, name, gender, phone_enc, school_code,
        campus_code, education_level, schooling_years, enrollment_year, grade, department, major,
        class_name, student_number, remarks, eligible_subject_codes, updated_at)
      select
        candidate_id, id_type, 'pending:' || candidate_id, '', name, gender, '', school_code,
        campus_code, education_level, schooling_years, enrollment_year, grade, department, major,
        class_name, student_number, remarks, eligible_subject_codes, updated_at
      from roster_records
    `.execute(db)
    await sql`drop table roster_records`.execute(db)
    await sql`alter table roster_records_protected rename to roster_records`.execute(db)

    const { rows: broken } = await sql`pragma foreign_key_check`.execute(db)
    if (broken.length > 0) throw new Error(`0003 would break ${broken.length} foreign key reference(s).`)
  },
}
