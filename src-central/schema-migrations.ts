/**
 * The central database schema as numbered migrations, imported statically (a bundled build has
 * no migrations folder to read). Each migration is frozen in time: it never imports app code,
 * so reference rows (subjects) are written out literally. Append new migrations; never edit one
 * that has shipped. Money is integer fen; times are ISO 8601 strings with offset.
 */
import type { Database } from 'better-sqlite3'

export interface SchemaMigration {
  readonly version: number
  readonly name: string
  readonly up: (db: Database) => void
}

const v1Initial: SchemaMigration = {
  version: 1,
  name: 'initial reference data, roster, registrations, devices, idempotency keys',
  up: (db) => {
    db.exec(`
      CREATE TABLE exam_sessions (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        registration_start TEXT NOT NULL,
        registration_end TEXT NOT NULL,
        -- exactly one session is the one kiosks register for
        is_current INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1))
      ) STRICT;
      CREATE UNIQUE INDEX exam_sessions_one_current ON exam_sessions (is_current) WHERE is_current = 1;

      CREATE TABLE subjects (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        language TEXT NOT NULL CHECK (language IN ('en', 'ja', 'de', 'ru', 'fr')),
        level INTEGER NOT NULL CHECK (level IN (4, 6)),
        kind TEXT NOT NULL CHECK (kind IN ('written', 'oral')),
        sort_order INTEGER NOT NULL
      ) STRICT;
      INSERT INTO subjects (code, name, language, level, kind, sort_order) VALUES
        ('1', '英语四级笔试', 'en', 4, 'written', 1),
        ('2', '英语六级笔试', 'en', 6, 'written', 2),
        ('3', '日语四级笔试', 'ja', 4, 'written', 3),
        ('4', '日语六级笔试', 'ja', 6, 'written', 4),
        ('5', '德语四级笔试', 'de', 4, 'written', 5),
        ('6', '德语六级笔试', 'de', 6, 'written', 6),
        ('7', '俄语四级笔试', 'ru', 4, 'written', 7),
        ('8', '俄语六级笔试', 'ru', 6, 'written', 8),
        ('9', '法语四级笔试', 'fr', 4, 'written', 9),
        ('10', '法语六级笔试', 'fr', 6, 'written', 10),
        ('F', '英语四级口试', 'en', 4, 'oral', 11),
        ('S', '英语六级口试', 'en', 6, 'oral', 12);

      CREATE TABLE provinces (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL
      ) STRICT;

      CREATE TABLE schools (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        province_code TEXT NOT NULL REFERENCES provinces (code)
      ) STRICT;

      CREATE TABLE campuses (
        code TEXT PRIMARY KEY,
        school_code TEXT NOT NULL REFERENCES schools (code),
        name TEXT NOT NULL
      ) STRICT;
      CREATE INDEX campuses_by_school ON campuses (school_code, code);

      -- seats_left is a counter kept in the same transaction as every booking, expiry and
      -- cancellation (later migrations), so reading seats never scans bookings.
      CREATE TABLE offerings (
        id TEXT PRIMARY KEY,
        exam_session_id TEXT NOT NULL REFERENCES exam_sessions (id),
        subject_code TEXT NOT NULL REFERENCES subjects (code),
        school_code TEXT NOT NULL REFERENCES schools (code),
        campus_code TEXT NOT NULL REFERENCES campuses (code),
        fee_fen INTEGER NOT NULL CHECK (fee_fen >= 0),
        capacity INTEGER NOT NULL CHECK (capacity >= 0),
        seats_left INTEGER NOT NULL CHECK (seats_left >= 0 AND seats_left <= capacity),
        registration_start TEXT NOT NULL,
        registration_end TEXT NOT NULL,
        exam_start TEXT,
        exam_end TEXT,
        UNIQUE (exam_session_id, campus_code, subject_code)
      ) STRICT;
      CREATE INDEX offerings_by_school ON offerings (exam_session_id, school_code);

      -- B3: the candidate campuses whose students may book an oral offering.
      CREATE TABLE offering_oral_campuses (
        offering_id TEXT NOT NULL REFERENCES offerings (id),
        campus_code TEXT NOT NULL REFERENCES campuses (code),
        PRIMARY KEY (offering_id, campus_code)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE announcements (
        id TEXT PRIMARY KEY,
        exam_session_id TEXT NOT NULL REFERENCES exam_sessions (id),
        scope TEXT NOT NULL CHECK (scope IN ('province', 'school')),
        issuer TEXT NOT NULL,
        province_code TEXT NOT NULL REFERENCES provinces (code),
        school_code TEXT REFERENCES schools (code),
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        published_at TEXT NOT NULL,
        CHECK ((scope = 'school') = (school_code IS NOT NULL))
      ) STRICT;

      -- id_number is stored normalised (normaliseIdNumber) so lookups are one index probe.
      CREATE TABLE roster_records (
        candidate_id TEXT PRIMARY KEY,
        exam_session_id TEXT NOT NULL REFERENCES exam_sessions (id),
        id_type TEXT NOT NULL,
        id_number TEXT NOT NULL,
        name TEXT NOT NULL,
        gender TEXT NOT NULL CHECK (gender IN ('男', '女')),
        phone TEXT NOT NULL,
        school_code TEXT NOT NULL REFERENCES schools (code),
        campus_code TEXT NOT NULL REFERENCES campuses (code),
        education_level TEXT NOT NULL,
        schooling_years INTEGER NOT NULL,
        enrollment_year TEXT NOT NULL,
        grade TEXT NOT NULL,
        department TEXT NOT NULL,
        major TEXT NOT NULL,
        class_name TEXT NOT NULL,
        student_number TEXT NOT NULL,
        remarks TEXT NOT NULL,
        eligible_subject_codes TEXT NOT NULL, -- JSON array of subject codes
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX roster_by_document ON roster_records (id_type, id_number);
      CREATE INDEX roster_by_school ON roster_records (school_code, candidate_id);

      -- E4: one confirmed registration per candidate; once saved it is locked.
      CREATE TABLE registrations (
        candidate_id TEXT PRIMARY KEY REFERENCES roster_records (candidate_id),
        exam_session_id TEXT NOT NULL REFERENCES exam_sessions (id),
        agreement_version TEXT NOT NULL,
        agreement_accepted_at TEXT NOT NULL,
        confirmed_at TEXT NOT NULL,
        confirmed_by_kiosk TEXT NOT NULL
      ) STRICT;

      -- Device tokens are stored as sha256 hashes only.
      CREATE TABLE devices (
        kiosk_id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        school_codes TEXT NOT NULL, -- JSON array of school codes the kiosk serves
        revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),
        issued_at TEXT NOT NULL,
        revoked_at TEXT
      ) STRICT;

      -- S2: the first answer to each (kiosk, key), written in the same transaction as the change.
      CREATE TABLE idempotency_keys (
        kiosk_id TEXT NOT NULL,
        idempotency_key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        status INTEGER NOT NULL,
        response_body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (kiosk_id, idempotency_key)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
    `)
  },
}

/** In order; the last version is the schema this build expects. */
export const SCHEMA_MIGRATIONS: readonly SchemaMigration[] = [v1Initial]
