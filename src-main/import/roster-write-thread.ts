/**
 * The writing thread of an import (roster-import-worker.ts): opens the store's connection, runs
 * the import in its one transaction and reports to main; for a roster file it starts the
 * checking thread.
 */
import { parentPort, Worker } from 'node:worker_threads'
import { createFieldProtector } from '../protection/field-protector'
import { openSqliteConnection } from '../store/sqlite-connection'
import { createDownloadChannel } from './download-channel'
import type { CheckJob, ImportJob, MainMessage, TakenMessage, WorkerMessage } from './import-messages'
import { runImport } from './import-run'
import { IMPORT_WORKER_LIMITS, locateImportWorker } from './import-worker-location'
import type { CheckerMessage } from './roster-check-stage'
import type { StartChecker } from './roster-import-pipeline'

/** The checking stage on a thread of its own. */
function threadChecker(dataKey: Uint8Array): StartChecker {
  return (source, onMessage, onFailure) => {
    const job: CheckJob = { role: 'check', source, dataKey }
    const worker = new Worker(locateImportWorker(import.meta.url), { workerData: job, resourceLimits: IMPORT_WORKER_LIMITS })
    let ended = false
    worker.on('message', (message: CheckerMessage) => {
      if (message.type !== 'chunk') ended = true
      onMessage(message)
    })
    worker.on('error', (error) => onFailure(error))
    worker.on('exit', () => {
      if (!ended) onFailure(new Error('the checking thread stopped'))
    })
    const taken: TakenMessage = { type: 'taken' }
    return {
      taken: () => worker.postMessage(taken),
      stop: async () => {
        ended = true
        await worker.terminate()
      },
    }
  }
}

export async function write(job: ImportJob): Promise<void> {
  const post = (message: WorkerMessage) => parentPort?.postMessage(message)
  const channel = job.request.source.kind === 'central' ? createDownloadChannel(() => post({ type: 'page-taken' })) : null
  if (channel !== null) parentPort?.on('message', (m: MainMessage) => channel.receive(m))
  const sqlite = openSqliteConnection(job.dbPath, job.nativeBinding === undefined ? {} : { nativeBinding: job.nativeBinding })
  try {
    const outcome = await runImport(
      sqlite,
      createFieldProtector(Buffer.from(job.dataKey)),
      job.request,
      (tick) => post({ type: 'progress', tick }),
      channel?.items ?? null,
      threadChecker(job.dataKey),
    )
    post({ type: 'done', outcome })
  } catch (error) {
    post({ type: 'crashed', message: error instanceof Error ? error.name : 'unknown' })
  } finally {
    parentPort?.removeAllListeners('message')
    sqlite.close()
  }
}
