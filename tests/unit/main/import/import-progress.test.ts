import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { IMPORT_WORKER_FILE, locateImportWorker } from '../../../../src-main/import/import-worker-location'
import { RosterImports, type SpawnImportWorker } from '../../../../src-main/import/roster-import-supervisor'
import type { WorkerMessage } from '../../../../src-main/import/import-messages'

describe('数据导入 progress: rows, rows/s and time left', () => {
  it('reports rows/s and the time left from the share of the file read', () => {
    let send: (m: WorkerMessage) => void = () => {}
    const spawn: SpawnImportWorker = (_job, onMessage) => {
      send = onMessage
      return { terminate: () => Promise.resolve(0), postMessage: () => {} }
    }
    const imports = new RosterImports({ dbPath: 'x', dataKey: new Uint8Array(32), spawn })
    imports.start({ what: 'roster', source: { kind: 'text', text: 'x' }, at: '2026-11-25T00:00:00.000Z' })
    send({ type: 'progress', tick: { rowsDone: 1000, bytesDone: 250, bytesTotal: 1000, elapsedMs: 2000 } })
    expect(imports.progress()).toMatchObject({ state: 'running', rowsDone: 1000, percent: 25, rowsPerSecond: 500, secondsLeft: 6 })
  })

  it('a worker that ends without an outcome leaves a failed import that changed nothing', async () => {
    let exit: () => void = () => {}
    const spawn: SpawnImportWorker = (_job, _onMessage, onExit) => {
      exit = onExit
      return { terminate: () => Promise.resolve(0), postMessage: () => {} }
    }
    const imports = new RosterImports({ dbPath: 'x', dataKey: new Uint8Array(32), spawn })
    imports.start({ what: 'roster', source: { kind: 'text', text: 'x' }, at: '2026-11-25T00:00:00.000Z' })
    exit()
    await imports.whenFinished()
    expect(imports.progress()).toMatchObject({ state: 'failed', message: '导入意外中断，本次导入没有保存任何记录，请重新导入。' })
    expect(imports.running).toBe(false)
  })

  it('finds the built worker beside the entry files whether the caller is an entry or a chunk', () => {
    const out = mkdtempSync(join(tmpdir(), 'worker-location-'))
    mkdirSync(join(out, 'chunks'))
    writeFileSync(join(out, IMPORT_WORKER_FILE), '')
    expect(locateImportWorker(pathToFileURL(join(out, 'host.js')).href)).toBe(join(out, IMPORT_WORKER_FILE))
    expect(locateImportWorker(pathToFileURL(join(out, 'chunks', 'kiosk-services.js')).href)).toBe(join(out, IMPORT_WORKER_FILE))
  })
})
