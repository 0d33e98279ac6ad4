/**
 * 0001: reference data mirrored from the central service, the cached roster, registrations,
 * visits (E1), operators (K1), the audit log and a key/value meta table.
 *
 * Frozen in time: this file never imports app code and must never change once shipped; later
 * changes are new numbered migrations. Tables are STRICT; times are ISO 8601 text with offset,
 * money is integer fen, booleans are 0/1 integers.
 */
import { sql, type Kysely, type Migration } from 'kysely'

const strict = sql`strict`
const strictWithoutRowid = sql`strict, without rowid`

export const initialMigration: Migration = {
  // Frozen in time: a migration must not depend on today's table types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('exam_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('registration_start', 'text', (c) => c.notNull())
      .addColumn('registration_end', 'text', (c) => c.notNull())
      // The session the central currently registers for; at most one row has 1.
      .addColumn('is_current', 'integer', (c) => c.notNull().defaultTo(0).check(sql`is_current in (0, 1)`))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .modifyEnd(strict)
      .execute()
    await sql`create unique index exam_sessions_one_current on exam_sessions (is_current) where is_current = 1`.execute(db)

    await db.schema
      .createTable('subjects')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('en', 'ja', 'de', 'ru', 'fr')`))
      .addColumn('level', 'integer', (c) => c.notNull().check(sql`level in (4, 6)`))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('written', 'oral')`))
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .modifyEnd(strictWithoutRowid)
      .execute()

    await db.schema
      .createTable('schools')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('province_code', 'text', (c) => c.notNull())
      .addColumn('province_name', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .modifyEnd(strictWithoutRowid)
      .execute()

    await db.schema
      .createTable('campuses')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('school_code', 'text', (c) => c.notNull().references('schools.code'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .modifyEnd(strictWithoutRowid)
      .execute()
    await db.schema.createIndex('campuses_by_school').on('campuses').column('school_code').execute()

    await db.schema
      .createTable('offerings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('subject_code', 'text', (c) => c.notNull().references('subjects.code'))
      .addColumn('school_code', 'text', (c) => c.notNull().references('schools.code'))
      .addColumn('campus_code', 'text', (c) => c.notNull().references('campuses.code'))
      .addColumn('fee_cents', 'integer', (c) => c.notNull().check(sql`fee_cents >= 0`))
      .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity >= 0`))
      .addColumn('seats_left', 'integer', (c) => c.notNull().check(sql`seats_left >= 0`))
      .addColumn('registration_start', 'text', (c) => c.notNull())
      .addColumn('registration_end', 'text', (c) => c.notNull())
      .addColumn('exam_start', 'text')
      .addColumn('exam_end', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .modifyEnd(strict)
      .execute()
    await db.schema.createIndex('offerings_by_campus').on('offerings').columns(['campus_code', 'subject_code']).execute()

    // B3: the candidate campuses whose students may book an oral offering.
    await db.schema
      .createTable('offering_oral_campuses')
      .addColumn('offering_id', 'text', (c) => c.notNull().references('offerings.id').onDelete('cascade'))
      .addColumn('campus_code', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('offering_oral_campuses_pk', ['offering_id', 'campus_code'])
      .modifyEnd(strictWithoutRowid)
      .execute()

    await db.schema
      .createTable('announcements')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('province', 'school')`))
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('province_code', 'text')
      .addColumn('school_code', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addCheckConstraint('announcements_school_scope', sql`(scope = 'school') = (school_code is not null)`)
      .modifyEnd(strict)
      .execute()

    // E2/E3: id_number is stored normalised so a lookup is one probe of the unique index.
    await db.schema
      .createTable('roster_records')
      .addColumn('candidate_id', 'text', (c) => c.primaryKey())
      .addColumn('id_type', 'text', (c) => c.notNull())
      .addColumn('id_number', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('gender', 'text', (c) => c.notNull().check(sql`gender in ('男', '女')`))
      .addColumn('phone', 'text', (c) => c.notNull())
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
      // Subject codes joined by ','; '' means 资格科目 无.
      .addColumn('eligible_subject_codes', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('roster_records_document', ['id_type', 'id_number'])
      .modifyEnd(strict)
      .execute()

    await db.schema
      .createTable('operators')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('operator', 'supervisor')`))
      // Self-describing scrypt string: never the password.
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0).check(sql`failed_attempts >= 0`))
      .addColumn('locked_until', 'text')
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0).check(sql`disabled in (0, 1)`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .modifyEnd(strict)
      .execute()

    // E1: a visit starts when the candidate accepts the agreement; it records the version, the
    // time and the operator. K2: one candidate at a time, so at most one visit is open.
    await db.schema
      .createTable('visits')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('operator_id', 'integer', (c) => c.notNull().references('operators.id'))
      .addColumn('agreement_version', 'text', (c) => c.notNull())
      .addColumn('agreement_accepted_at', 'text', (c) => c.notNull())
      .addColumn('candidate_id', 'text')
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'text')
      .modifyEnd(strictWithoutRowid)
      .execute()
    await sql`create unique index visits_one_open on visits ((ended_at is null)) where ended_at is null`.execute(db)

    // E4: one confirmed registration per candidate, locked once saved. Rows learned from the
    // central (confirmed online or at another kiosk) have no local operator or visit.
    await db.schema
      .createTable('registrations')
      .addColumn('candidate_id', 'text', (c) => c.primaryKey().references('roster_records.candidate_id'))
      .addColumn('exam_session_id', 'text', (c) => c.notNull())
      .addColumn('agreement_version', 'text', (c) => c.notNull())
      .addColumn('agreement_accepted_at', 'text', (c) => c.notNull())
      .addColumn('confirmed_at', 'text', (c) => c.notNull())
      .addColumn('confirmed_by_operator_id', 'integer', (c) => c.references('operators.id'))
      .addColumn('visit_id', 'text', (c) => c.references('visits.id'))
      .modifyEnd(strictWithoutRowid)
      .execute()

    // K1: every change, with operator, time and candidate. Never passwords or ID numbers.
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('operator_id', 'integer', (c) => c.references('operators.id'))
      .addColumn('candidate_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('detail', 'text')
      .modifyEnd(strict)
      .execute()
    await db.schema.createIndex('audit_log_by_candidate').on('audit_log').columns(['candidate_id', 'at']).execute()

    await db.schema
      .createTable('meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .modifyEnd(strictWithoutRowid)
      .execute()
  },
}
