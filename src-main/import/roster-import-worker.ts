/**
 * The roster import's worker thread (built by electron-vite as out/main/roster-import-worker.js):
 * its own better-sqlite3 connection to the kiosk's WAL database, so parsing, sealing and writing
 * a million rows never blocks main's event loop. It answers progress ticks and one outcome.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createFieldProtector } from '../protection/field-protector'
import { openDatabase } from '../store/open-database'
import type { ImportJob, WorkerMessage } from './import-messages'
import { runRosterImport } from './roster-import-run'

async function main(job: ImportJob): Promise<void> {
  const post = (message: WorkerMessage) => parentPort?.postMessage(message)
  const store = openDatabase(job.dbPath, job.nativeBinding === undefined ? {} : { nativeBinding: job.nativeBinding })
  try {
    const outcome = await runRosterImport(store.sqlite, createFieldProtector(Buffer.from(job.dataKey)), job.source, (tick) =>
      post({ type: 'progress', tick }),
    )
    post({ type: 'done', outcome })
  } catch (error) {
    post({ type: 'crashed', message: error instanceof Error ? error.name : 'unknown' })
  } finally {
    await store.close()
  }
}

void main(workerData as ImportJob)
