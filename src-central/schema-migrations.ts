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

const v2Bookings: SchemaMigration = {
  version: 2,
  name: 'bookings, orders, payments, notifications; registrations idle deadline (B4-B7, R1, P1-P4)',
  up: (db) => {
    db.exec(`
      -- B4: expires_at = created_at + 24 h. Rows are never deleted: cancelled and expired bookings
      -- stay for P4 (a late payment must find what it paid for) and for the record.
      CREATE TABLE bookings (
        id TEXT PRIMARY KEY,
        candidate_id TEXT NOT NULL REFERENCES roster_records (candidate_id),
        offering_id TEXT NOT NULL REFERENCES offerings (id),
        subject_code TEXT NOT NULL REFERENCES subjects (code),
        fee_fen INTEGER NOT NULL CHECK (fee_fen >= 0),
        status TEXT NOT NULL CHECK (status IN ('unpaid', 'paid', 'cancelled', 'expired')),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        paid_at TEXT,
        ended_at TEXT,
        score_report TEXT CHECK (score_report IN ('paper', 'electronic')),
        arrangement TEXT NOT NULL DEFAULT 'unarranged' CHECK (arrangement IN ('unarranged', 'arranged')),
        booked_via TEXT NOT NULL DEFAULT 'candidate' CHECK (booked_via IN ('candidate', 'collective')),
        collective_locked INTEGER NOT NULL DEFAULT 0 CHECK (collective_locked IN (0, 1)),
        order_no TEXT,
        booked_by_kiosk TEXT NOT NULL
      ) STRICT;
      -- A subject is held at most once per candidate, whatever races the rules.
      CREATE UNIQUE INDEX bookings_one_active_per_subject ON bookings (candidate_id, subject_code)
        WHERE status IN ('unpaid', 'paid');
      CREATE INDEX bookings_by_candidate ON bookings (candidate_id, created_at);
      CREATE INDEX bookings_unpaid_by_expiry ON bookings (expires_at) WHERE status = 'unpaid';

      CREATE TABLE orders (
        order_no TEXT PRIMARY KEY,
        candidate_id TEXT NOT NULL REFERENCES roster_records (candidate_id),
        kind TEXT NOT NULL CHECK (kind IN ('written', 'oral')),
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        status TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'closed', 'refund_required')),
        purpose TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        paid_at TEXT,
        closed_at TEXT,
        refund_reason TEXT,
        created_by_kiosk TEXT NOT NULL
      ) STRICT;
      CREATE INDEX orders_by_candidate ON orders (candidate_id, created_at);
      CREATE INDEX orders_pending_by_expiry ON orders (expires_at) WHERE status = 'pending';
      CREATE INDEX orders_refund_required ON orders (created_at) WHERE status = 'refund_required';

      CREATE TABLE order_bookings (
        order_no TEXT NOT NULL REFERENCES orders (order_no),
        booking_id TEXT NOT NULL REFERENCES bookings (id),
        PRIMARY KEY (order_no, booking_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX order_bookings_by_booking ON order_bookings (booking_id);

      -- P4: every payment that arrived, applied or flagged for refund; the primary key makes a
      -- second payment of the same order impossible.
      CREATE TABLE payments (
        order_no TEXT PRIMARY KEY REFERENCES orders (order_no),
        amount_fen INTEGER NOT NULL,
        received_at TEXT NOT NULL,
        applied INTEGER NOT NULL CHECK (applied IN (0, 1)),
        refund_reason TEXT,
        CHECK ((applied = 1) = (refund_reason IS NULL))
      ) STRICT;

      -- P3: "a paid booking triggers the candidate's notification": queued here for the mailer.
      CREATE TABLE candidate_notifications (
        id INTEGER PRIMARY KEY,
        candidate_id TEXT NOT NULL REFERENCES roster_records (candidate_id),
        kind TEXT NOT NULL,
        order_no TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT
      ) STRICT;

      -- B6: when a registration holding nothing is deleted; NULL while it holds a booking.
      ALTER TABLE registrations ADD COLUMN idle_due_at TEXT;
      UPDATE registrations SET idle_due_at = strftime('%Y-%m-%dT%H:%M:%fZ', confirmed_at, '+24 hours');
      CREATE INDEX registrations_by_idle_due ON registrations (idle_due_at) WHERE idle_due_at IS NOT NULL;
    `)
  },
}

const v3WaitlistAndCet6Review: SchemaMigration = {
  version: 3,
  name: 'waitlist entries (W1-W4), CET4 score records and CET6 reviews (E5)',
  up: (db) => {
    db.exec(`
      -- W2: sequence is the central's receive order, the queue order of each offering. Rows are
      -- never deleted: finished entries are listed with their remark (W4).
      CREATE TABLE waitlist_entries (
        sequence INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        candidate_id TEXT NOT NULL REFERENCES roster_records (candidate_id),
        offering_id TEXT NOT NULL REFERENCES offerings (id),
        subject_code TEXT NOT NULL REFERENCES subjects (code),
        -- B2/W1: one waiting entry per level and kind, e.g. 'written-4', 'oral-4'
        level_key TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('waiting', 'promoted', 'cancelled', 'failed')),
        submitted_at TEXT NOT NULL,
        ended_at TEXT,
        remark TEXT,
        booking_id TEXT REFERENCES bookings (id),
        submitted_by_kiosk TEXT NOT NULL,
        CHECK ((status = 'waiting') = (ended_at IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX waitlist_one_waiting_per_level ON waitlist_entries (candidate_id, level_key)
        WHERE status = 'waiting';
      CREATE INDEX waitlist_queue ON waitlist_entries (offering_id, sequence) WHERE status = 'waiting';
      CREATE INDEX waitlist_by_candidate ON waitlist_entries (candidate_id, sequence);

      -- E5: CET4 results as the exam authority keeps them (id_number normalised).
      CREATE TABLE cet4_scores (
        ticket_number TEXT PRIMARY KEY,
        id_number TEXT NOT NULL,
        name TEXT NOT NULL,
        total_score INTEGER NOT NULL CHECK (total_score BETWEEN 0 AND 710)
      ) STRICT;

      -- E5: one review per candidate, ever.
      CREATE TABLE cet6_reviews (
        candidate_id TEXT PRIMARY KEY REFERENCES roster_records (candidate_id),
        ticket_number TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('passed', 'pending', 'refused')),
        message TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        submitted_by_kiosk TEXT NOT NULL
      ) STRICT;
    `)
  },
}

/**
 * S3/S4: seat allotments and the change feed. The feed is written by triggers, in the same
 * transaction as the change, so no code path (nor a side connection such as a school's collective
 * booking) can forget it. `at` is SQLite's wall clock at commit (triggers cannot reach an injected
 * clock). Each row names the entity only: the feed reads its current state when served.
 */
const v4AllotmentsAndChangeFeed: SchemaMigration = {
  version: 4,
  name: 'seat allotments (S4) and the change feed written by triggers (S3)',
  up: (db) => {
    db.exec(`
      -- S4: seats held for one device on one offering. held seats are out of offerings.seats_left;
      -- a booking drawn from here moves one from held to used. Ended rows keep used, held is 0.
      CREATE TABLE allotments (
        id TEXT PRIMARY KEY,
        kiosk_id TEXT NOT NULL,
        offering_id TEXT NOT NULL REFERENCES offerings (id),
        held INTEGER NOT NULL CHECK (held >= 0),
        used INTEGER NOT NULL CHECK (used >= 0),
        status TEXT NOT NULL CHECK (status IN ('active', 'returned', 'expired')),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        ended_at TEXT,
        CHECK ((status = 'active') = (ended_at IS NULL)),
        CHECK (status = 'active' OR held = 0)
      ) STRICT;
      CREATE UNIQUE INDEX allotments_one_active ON allotments (kiosk_id, offering_id) WHERE status = 'active';
      CREATE INDEX allotments_active_by_expiry ON allotments (expires_at) WHERE status = 'active';

      -- S3: the change feed. school_code scopes an entry to the devices serving that school;
      -- kiosk_id (allotments only) to one device.
      CREATE TABLE changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('seats', 'booking', 'order', 'waitlist', 'registration', 'eligibility', 'allotment')),
        entity_key TEXT NOT NULL,
        school_code TEXT NOT NULL,
        kiosk_id TEXT,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;

      CREATE TRIGGER changes_offering_seats AFTER UPDATE OF seats_left, capacity ON offerings
        WHEN NEW.seats_left IS NOT OLD.seats_left OR NEW.capacity IS NOT OLD.capacity
      BEGIN
        INSERT INTO changes (kind, entity_key, school_code) VALUES ('seats', NEW.id, NEW.school_code);
      END;

      CREATE TRIGGER changes_booking_insert AFTER INSERT ON bookings BEGIN
        INSERT INTO changes (kind, entity_key, school_code)
          SELECT 'booking', NEW.id, school_code FROM offerings WHERE id = NEW.offering_id;
      END;
      CREATE TRIGGER changes_booking_update AFTER UPDATE ON bookings BEGIN
        INSERT INTO changes (kind, entity_key, school_code)
          SELECT 'booking', NEW.id, school_code FROM offerings WHERE id = NEW.offering_id;
      END;

      CREATE TRIGGER changes_order_insert AFTER INSERT ON orders BEGIN
        INSERT INTO changes (kind, entity_key, school_code)
          SELECT 'order', NEW.order_no, school_code FROM roster_records WHERE candidate_id = NEW.candidate_id;
      END;
      CREATE TRIGGER changes_order_update AFTER UPDATE ON orders BEGIN
        INSERT INTO changes (kind, entity_key, school_code)
          SELECT 'order', NEW.order_no, school_code FROM roster_records WHERE candidate_id = NEW.candidate_id;
      END;

      CREATE TRIGGER changes_waitlist_insert AFTER INSERT ON waitlist_entries BEGIN
        INSERT INTO changes (kind, entity_key, school_code)
          SELECT 'waitlist', NEW.id, school_code FROM offerings WHERE id = NEW.offering_id;
      END;
      -- An entry that stops waiting moves everyone behind it up one place (their 'ahead' changes).
      CREATE TRIGGER changes_waitlist_update AFTER UPDATE ON waitlist_entries BEGIN
        INSERT INTO changes (kind, entity_key, school_code)
          SELECT 'waitlist', NEW.id, school_code FROM offerings WHERE id = NEW.offering_id;
        INSERT INTO changes (kind, entity_key, school_code)
          SELECT 'waitlist', w.id, o.school_code FROM waitlist_entries w JOIN offerings o ON o.id = w.offering_id
          WHERE OLD.status = 'waiting' AND NEW.status <> 'waiting'
            AND w.offering_id = NEW.offering_id AND w.status = 'waiting' AND w.sequence > NEW.sequence
          ORDER BY w.sequence;
      END;

      CREATE TRIGGER changes_registration_insert AFTER INSERT ON registrations BEGIN
        INSERT INTO changes (kind, entity_key, school_code)
          SELECT 'registration', NEW.candidate_id, school_code FROM roster_records WHERE candidate_id = NEW.candidate_id;
      END;
      CREATE TRIGGER changes_registration_delete AFTER DELETE ON registrations BEGIN
        INSERT INTO changes (kind, entity_key, school_code)
          SELECT 'registration', OLD.candidate_id, school_code FROM roster_records WHERE candidate_id = OLD.candidate_id;
      END;

      CREATE TRIGGER changes_eligibility AFTER UPDATE OF eligible_subject_codes ON roster_records
        WHEN NEW.eligible_subject_codes IS NOT OLD.eligible_subject_codes
      BEGIN
        INSERT INTO changes (kind, entity_key, school_code) VALUES ('eligibility', NEW.candidate_id, NEW.school_code);
      END;

      CREATE TRIGGER changes_allotment_insert AFTER INSERT ON allotments BEGIN
        INSERT INTO changes (kind, entity_key, school_code, kiosk_id)
          SELECT 'allotment', NEW.id, school_code, NEW.kiosk_id FROM offerings WHERE id = NEW.offering_id;
      END;
      CREATE TRIGGER changes_allotment_update AFTER UPDATE ON allotments BEGIN
        INSERT INTO changes (kind, entity_key, school_code, kiosk_id)
          SELECT 'allotment', NEW.id, school_code, NEW.kiosk_id FROM offerings WHERE id = NEW.offering_id;
      END;
    `)
  },
}

const v5FeedEpochAndRetention: SchemaMigration = {
  version: 5,
  name: 'change feed epoch and retention (S3)',
  up: (db) => {
    db.exec(`
      -- S3: epoch names this database's feed (a recreated central gets another, so a kiosk's old
      -- cursor is recognised as foreign); pruned_through is the last seq removed by retention.
      CREATE TABLE feed_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        epoch TEXT NOT NULL CHECK (length(epoch) = 16),
        pruned_through INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      INSERT INTO feed_state (id, epoch) VALUES (1, lower(hex(randomblob(8))));
      CREATE INDEX changes_by_time ON changes (at);
    `)
  },
}

/**
 * S2, #8: the stored answers become a rowid table, the key kept unique by its own index. As a
 * table WITHOUT ROWID keyed by (device, random key) each answer (a few hundred bytes) went in at a
 * random place, so a batch of 250 rewrote most of the table's pages and each commit wrote and
 * synced megabytes of WAL; now the answers are appended and only the small key index is random.
 */
const v6IdempotencyAppended: SchemaMigration = {
  version: 6,
  name: 'stored answers appended (S2)',
  up: (db) => {
    db.exec(`
      CREATE TABLE idempotency_answers (
        kiosk_id TEXT NOT NULL,
        idempotency_key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        status INTEGER NOT NULL,
        response_body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (kiosk_id, idempotency_key)
      ) STRICT;
      INSERT INTO idempotency_answers (kiosk_id, idempotency_key, request_hash, status, response_body, created_at)
        SELECT kiosk_id, idempotency_key, request_hash, status, response_body, created_at FROM idempotency_keys
        ORDER BY created_at;
      DROP TABLE idempotency_keys;
      ALTER TABLE idempotency_answers RENAME TO idempotency_keys;
      CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
    `)
  },
}

/** In order; the last version is the schema this build expects. */
export const SCHEMA_MIGRATIONS: readonly SchemaMigration[] = [
  v1Initial,
  v2Bookings,
  v3WaitlistAndCet6Review,
  v4AllotmentsAndChangeFeed,
  v5FeedEpochAndRetention,
  v6IdempotencyAppended,
]
