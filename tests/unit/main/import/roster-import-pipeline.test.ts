/**
 * The roster file import on two stages (issue #8): the checking stage reads, checks and seals
 * while the writing stage writes, chunk by chunk, in one transaction. These tests drive it
 * through the same dispatch path the renderer uses where they can (import-harness.ts), and
 * through runImport with a checking stage that fails where a failure has to be staged.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { syntheticCandidate } from '../../../../src-main/bench/synthetic-roster'
import { rosterCsv } from '../../../../src-main/import/roster-csv-writer'
import { runImport, type ImportRequest } from '../../../../src-main/import/import-run'
import { CHECKED_CHUNK_ROWS, CHUNKS_IN_FLIGHT, runRosterCheck, WRITER_BEHIND, type CheckerMessage } from '../../../../src-main/import/roster-check-stage'
import { inProcessChecker, type StartChecker } from '../../../../src-main/import/roster-import-pipeline'
import { operations } from '../../../../src-shared/ipc/contract'
import { importProgressSchema } from '../../../../src-shared/ipc/import-views'
import { countRows, openTestStore, TEST_PROTECTOR } from '../support/test-store'
import { createImportKiosk, signInSupervisor, type ImportKiosk } from './import-harness'

const MANY = CHECKED_CHUNK_ROWS * 2 + 300
const roster = (n: number) => Array.from({ length: n }, (_, i) => syntheticCandidate(i))

describe('数据导入: the roster file import, checked and sealed beside the writing (E2, E3, K3, #8)', () => {
  let k: ImportKiosk | null = null
  afterEach(async () => {
    await k?.close()
    k = null
  })

  /** As a file on this computer: pasted text is limited to a few hundred rows. */
  async function importFile(kiosk: ImportKiosk, text: string) {
    const path = join(mkdtempSync(join(tmpdir(), 'roster-pipeline-')), 'roster.csv')
    writeFileSync(path, text)
    const started = await kiosk.dispatch('startRosterImport', { source: { kind: 'file', path } })
    if (!started.ok) throw new Error(started.error.message)
    await kiosk.imports.whenFinished()
    const progress = await kiosk.dispatch('getRosterImportProgress', {})
    if (!progress.ok) throw new Error(progress.error.message)
    return importProgressSchema.parse(progress.value)
  }

  it('E2, E3: a file of several chunks is imported whole', async () => {
    k = await createImportKiosk()
    await signInSupervisor(k.dispatch)
    const done = await importFile(k, rosterCsv(roster(MANY)))
    expect(done).toMatchObject({ state: 'succeeded', rowsDone: MANY, imported: MANY, errorCount: 0 })
    expect(countRows(k.kiosk.store).roster_records).toBe(MANY)
  })

  it('E2: a refused row in a later chunk fails the whole import: nothing of the earlier, written chunks is kept', async () => {
    k = await createImportKiosk()
    await signInSupervisor(k.dispatch)
    const rows = roster(MANY)
    const late = MANY - 10
    rows[late] = { ...rows[late]!, gender: '未知' as '男' }
    const before = countRows(k.kiosk.store)
    const done = await importFile(k, rosterCsv(rows))
    expect(done).toMatchObject({ state: 'failed', rowsDone: MANY, imported: 0, errorCount: 1 })
    expect(countRows(k.kiosk.store)).toEqual({ ...before, audit_log: before.audit_log! + 1 })
    const report = await k.dispatch('getRosterImportErrorReport', {})
    if (!report.ok) throw new Error(report.error.message)
    const { csv } = operations.getRosterImportErrorReport.output.parse(report.value)
    // The header is line 1, so row `late` (from 0) is on line late + 2.
    expect(csv.replace(/^\uFEFF/, '').trim().split('\n')[1]).toBe(`${late + 2},gender 列的值不符合要求：未知`)
  })

  it('E2: the same document in two chunks is refused where the writer meets it, and the file is rolled back', async () => {
    k = await createImportKiosk()
    await signInSupervisor(k.dispatch)
    const rows = roster(MANY)
    const twin = CHECKED_CHUNK_ROWS + 5
    rows[twin] = { ...rows[3]!, candidateId: 'B-TWIN' }
    const done = await importFile(k, rosterCsv(rows))
    expect(done).toMatchObject({ state: 'failed', rowsDone: MANY, errorCount: 1, imported: 0 })
    expect(countRows(k.kiosk.store).roster_records).toBe(0)
    const report = await k.dispatch('getRosterImportErrorReport', {})
    expect(report.ok && (report.value as { csv: string }).csv).toContain(`${twin + 2},该证件号码已属于另一位考生`)
  })
})

describe('the checking stage and the writing stage together', () => {
  const request = (text: string): ImportRequest => ({ what: 'roster', source: { kind: 'text', text }, at: '2026-11-25T00:00:00.000Z' })

  /** The in-process checking stage, cut off after `chunks` chunks by `fail`. */
  function failingAfter(chunks: number, fail: (onMessage: (m: CheckerMessage) => void, onFailure: (e: Error) => void) => void): StartChecker {
    return (source, onMessage, onFailure) => {
      let seen = 0
      let cut = false
      const link = inProcessChecker(TEST_PROTECTOR)(
        source,
        (message) => {
          if (cut) return
          onMessage(message)
          if (message.type === 'chunk' && ++seen === chunks) {
            cut = true
            fail(onMessage, onFailure)
          }
        },
        onFailure,
      )
      return link
    }
  }

  it('a checking stage that crashes mid-import leaves the store as it was and no transaction open', async () => {
    const store = await openTestStore()
    await runImport(store.sqlite, TEST_PROTECTOR, request(rosterCsv([syntheticCandidate(99_999)])))
    const before = countRows(store)
    const crash = failingAfter(1, (onMessage) => queueMicrotask(() => onMessage({ type: 'crashed', message: 'Error' })))
    await expect(runImport(store.sqlite, TEST_PROTECTOR, request(rosterCsv(roster(MANY))), () => {}, null, crash)).rejects.toThrow(/checking stage failed/)
    expect(countRows(store)).toEqual(before)
    expect(store.sqlite.inTransaction).toBe(false)
    await store.close()
  })

  it('a checking thread that stops without a word fails the import, which changes nothing', async () => {
    const store = await openTestStore()
    const gone = failingAfter(2, (_onMessage, onFailure) => queueMicrotask(() => onFailure(new Error('the checking thread stopped'))))
    await expect(runImport(store.sqlite, TEST_PROTECTOR, request(rosterCsv(roster(MANY))), () => {}, null, gone)).rejects.toThrow(/stopped/)
    expect(countRows(store).roster_records).toBe(0)
    expect(store.sqlite.inTransaction).toBe(false)
    await store.close()
  })

  it(`holds the reading back while ${CHUNKS_IN_FLIGHT} chunks wait to be written, and goes on when they are`, async () => {
    const posted: CheckerMessage[] = []
    let taken: () => void = () => {}
    const checking = runRosterCheck({ kind: 'text', text: rosterCsv(roster(CHECKED_CHUNK_ROWS * 7)) }, TEST_PROTECTOR, {
      post: (m) => posted.push(m),
      onTaken: (callback) => (taken = callback),
    })
    const chunksPosted = () => posted.filter((m) => m.type === 'chunk').length
    while (chunksPosted() < CHUNKS_IN_FLIGHT) await new Promise((resolve) => setTimeout(resolve, 10))
    // Room for more to come if the reading were not held back.
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(chunksPosted()).toBe(CHUNKS_IN_FLIGHT)
    for (let i = 0; i < 7; i++) taken()
    await checking
    const chunks = posted.filter((m) => m.type === 'chunk')
    expect(chunks.reduce((n, m) => n + m.count, 0)).toBe(CHECKED_CHUNK_ROWS * 7)
    expect(posted.at(-1)).toMatchObject({ type: 'end', problem: null })
  })

  it(`K3: the writer seals the phones unless ${WRITER_BEHIND} chunks wait for it; then the checking thread does`, async () => {
    const posted: CheckerMessage[] = []
    let taken: () => void = () => {}
    const people = roster(CHECKED_CHUNK_ROWS * 6)
    const checking = runRosterCheck({ kind: 'text', text: rosterCsv(people) }, TEST_PROTECTOR, {
      post: (m) => posted.push(m),
      onTaken: (callback) => (taken = callback),
    })
    const chunks = () => posted.flatMap((m) => (m.type === 'chunk' ? [m] : []))
    // The writer takes one chunk each time the checking thread has filled the queue.
    for (let sent = CHUNKS_IN_FLIGHT; sent < 6; sent++) {
      while (chunks().length < sent) await new Promise((resolve) => setTimeout(resolve, 10))
      taken()
    }
    while (chunks().length < 6) await new Promise((resolve) => setTimeout(resolve, 10))
    for (let i = 0; i < CHUNKS_IN_FLIGHT; i++) taken()
    await checking
    // Sent with 0, 1, 2 chunks waiting, then with 3 (the writer behind) each time.
    expect(chunks().map((m) => m.phonesSealed)).toEqual([false, false, false, true, true, true])
    const phoneAt = 6
    chunks().forEach((m, k) =>
      m.rows.forEach((row, i) => {
        const phone = people[k * CHECKED_CHUNK_ROWS + i]!.phone
        expect(m.phonesSealed ? TEST_PROTECTOR.decrypt('phone', String(row[phoneAt])) : row[phoneAt]).toBe(phone)
      }),
    )
  })
})
