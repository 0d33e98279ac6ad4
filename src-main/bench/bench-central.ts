/**
 * The reference central for a bench: its database seeded with demo data plus N synthetic
 * candidates of 南开大学 (campus 120010, eligible for 英语四级笔试), each already registered, one
 * offering with the capacity asked for, and device tokens; then served by `out/main/central.js`
 * in a child process (as deployed, so the bench's clients do not share its event loop), or
 * in-process when the bench runs from the unit tests.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { openCentralDatabase } from '../../src-central/database'
import { seedDemoData } from '../../src-central/demo-data'
import { issueDeviceToken } from '../../src-central/devices'
import { startCentralServer } from '../../src-central/server'
import { normaliseIdNumber } from '../../src-shared/domain/id-documents'
import { childServer } from './child-server'
import { syntheticCandidate } from './synthetic-roster'

/** 英语四级笔试 at (120010)南开大学 in the demo data. */
export const CONTENDED_OFFERING_ID = '120010-1'

export interface SeededCentral {
  readonly dataDir: string
  readonly dbPath: string
  readonly tokens: readonly string[]
  readonly candidateIds: readonly string[]
}

export function seedBenchCentral(dataDir: string, options: { candidates: number; capacity: number; devices: number }): SeededCentral {
  mkdirSync(dataDir, { recursive: true })
  const dbPath = join(dataDir, 'central.sqlite')
  const now = new Date()
  const { db } = openCentralDatabase(dbPath, { onCreate: (created) => seedDemoData(created, now) })
  try {
    const session = db.prepare('SELECT id FROM exam_sessions WHERE is_current = 1').pluck().get() as string
    const insertRoster = db.prepare(
      `INSERT INTO roster_records (candidate_id, exam_session_id, id_type, id_number, name, gender, phone, school_code,
         campus_code, education_level, schooling_years, enrollment_year, grade, department, major, class_name,
         student_number, remarks, eligible_subject_codes, updated_at)
       VALUES (@candidateId, @session, @idType, @idNumber, @name, @gender, @phone, '12001', '120010', @educationLevel,
         @schoolingYears, @enrollmentYear, @grade, @department, @major, @className, @studentNumber, @remarks, '["1"]', @updatedAt)`,
    )
    const insertRegistration = db.prepare(
      `INSERT INTO registrations (candidate_id, exam_session_id, agreement_version, agreement_accepted_at, confirmed_at,
         confirmed_by_kiosk, idle_due_at)
       VALUES (?, ?, 'bench', ?, ?, 'bench', ?)`,
    )
    const at = now.toISOString()
    const idleDue = new Date(now.getTime() + 86_400_000).toISOString()
    const candidateIds: string[] = []
    db.transaction(() => {
      for (let i = 0; i < options.candidates; i++) {
        const c = syntheticCandidate(i)
        const { eligibleSubjectCodes: _codes, schoolCode: _school, campusCode: _campus, ...row } = c
        insertRoster.run({ ...row, session, idNumber: normaliseIdNumber(c.idNumber) })
        insertRegistration.run(c.candidateId, session, at, at, idleDue)
        candidateIds.push(c.candidateId)
      }
      db.prepare('UPDATE offerings SET capacity = ?, seats_left = ? WHERE id = ?').run(options.capacity, options.capacity, CONTENDED_OFFERING_ID)
    })()
    const tokens = Array.from({ length: options.devices }, (_, k) => issueDeviceToken(db, `bench-kiosk-${k + 1}`, ['12001'], now))
    return { dataDir, dbPath, tokens, candidateIds }
  } finally {
    db.close()
  }
}

export interface BenchCentral {
  readonly url: string
  stop(): Promise<void>
}

/**
 * Serves a seeded database: `node <centralEntry> --port 0 --data DIR` in a child process (the
 * entry and any arguments before it, e.g. `out/main/central.js`), or in-process when null.
 */
export async function serveBenchCentral(seeded: SeededCentral, centralEntry: readonly string[] | null): Promise<BenchCentral> {
  if (centralEntry === null) {
    const central = await startCentralServer({ dbPath: seeded.dbPath, port: 0 })
    return { url: central.url, stop: () => central.close() }
  }
  const child: ChildProcess = spawn(process.execPath, [...centralEntry, '--port', '0', '--data', seeded.dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return childServer(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/, 'central')
}
