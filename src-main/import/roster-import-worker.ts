/**
 * The import's worker thread (built by electron-vite as out/main/roster-import-worker.js): its
 * own better-sqlite3 connection to the kiosk's WAL database, so parsing, checking, sealing and
 * writing a million rows never blocks main's event loop. It answers progress ticks and one
 * outcome; for the central's roster download it reads the pages main sends it.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createFieldProtector } from '../protection/field-protector'
import { openDatabase } from '../store/open-database'
import { createDownloadChannel } from './download-channel'
import type { ImportJob, MainMessage, WorkerMessage } from './import-messages'
import { runImport } from './import-run'

async function main(job: ImportJob): Promise<void> {
  const post = (message: WorkerMessage) => parentPort?.postMessage(message)
  const channel = job.request.source.kind === 'central' ? createDownloadChannel(() => post({ type: 'page-taken' })) : null
  if (channel !== null) parentPort?.on('message', (m: MainMessage) => channel.receive(m))
  const store = openDatabase(job.dbPath, job.nativeBinding === undefined ? {} : { nativeBinding: job.nativeBinding })
  try {
    const outcome = await runImport(
      store.sqlite,
      createFieldProtector(Buffer.from(job.dataKey)),
      job.request,
      (tick) => post({ type: 'progress', tick }),
      channel?.items ?? null,
    )
    post({ type: 'done', outcome })
  } catch (error) {
    post({ type: 'crashed', message: error instanceof Error ? error.name : 'unknown' })
  } finally {
    parentPort?.removeAllListeners('message')
    await store.close()
  }
}

void main(workerData as ImportJob)
