/**
 * The smallest catalog a bench needs in a kiosk store, written raw (setup, not measured): one
 * exam session, 南开大学's campus 120010 and one offering of 英语四级笔试 with the given capacity.
 */
import type { BenchStore } from './bench-store'

export const BENCH_OFFERING_ID = '120010-1'
export const BENCH_EXAM_SESSION_ID = 'bench-session'

/** The one offering seedBenchCatalog writes, as a booking needs it. */
export const BENCH_OFFERING = { id: BENCH_OFFERING_ID, subjectCode: '1', schoolCode: '12001', campusCode: '120010', feeCents: 10 } as const

export function seedBenchCatalog(bench: BenchStore, capacity: number, now: Date): void {
  const db = bench.store.sqlite
  const at = now.toISOString()
  const start = new Date(now.getTime() - 7 * 86_400_000).toISOString()
  const end = new Date(now.getTime() + 30 * 86_400_000).toISOString()
  db.transaction(() => {
    db.prepare('insert into exam_sessions (id, name, registration_start, registration_end, is_current, updated_at) values (?, ?, ?, ?, 1, ?)').run(
      BENCH_EXAM_SESSION_ID,
      '2026下半年CET考试',
      start,
      end,
      at,
    )
    db.prepare(`insert or ignore into subjects (code, name, language, level, kind, sort_order) values ('1', '英语四级笔试', 'en', 4, 'written', 1)`).run()
    db.prepare(`insert into schools (code, name, province_code, province_name, updated_at) values ('12001', '南开大学', '12', '天津市', ?)`).run(at)
    db.prepare(`insert into campuses (code, school_code, name, updated_at) values ('120010', '12001', '南开大学', ?)`).run(at)
    db.prepare(
      `insert into offerings (id, subject_code, school_code, campus_code, fee_cents, capacity, seats_left, registration_start, registration_end, updated_at)
       values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
    ).run(BENCH_OFFERING.id, BENCH_OFFERING.subjectCode, BENCH_OFFERING.schoolCode, BENCH_OFFERING.campusCode, BENCH_OFFERING.feeCents, capacity, start, end, at)
  })()
}
