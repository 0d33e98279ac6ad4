/**
 * The import's worker thread (built by electron-vite as out/main/roster-import-worker.js): its
 * own better-sqlite3 connection to the kiosk's WAL database, so parsing, checking, sealing and
 * writing a million rows never blocks main's event loop. It answers progress ticks and one
 * outcome; for the central's roster download it reads the pages main sends it. For a roster
 * file it starts this same file again as its checking thread (role `check`): that thread reads,
 * checks and seals while this one writes (roster-import-pipeline.ts).
 */
import { parentPort, Worker, workerData } from 'node:worker_threads'
import { createFieldProtector } from '../protection/field-protector'
import { openDatabase } from '../store/open-database'
import { createDownloadChannel } from './download-channel'
import type { CheckJob, ImportJob, MainMessage, TakenMessage, WorkerMessage } from './import-messages'
import { runImport } from './import-run'
import { IMPORT_WORKER_LIMITS, locateImportWorker } from './import-worker-location'
import { runRosterCheck, type CheckerMessage } from './roster-check-stage'
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

async function write(job: ImportJob): Promise<void> {
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
      threadChecker(job.dataKey),
    )
    post({ type: 'done', outcome })
  } catch (error) {
    post({ type: 'crashed', message: error instanceof Error ? error.name : 'unknown' })
  } finally {
    parentPort?.removeAllListeners('message')
    await store.close()
  }
}

async function check(job: CheckJob): Promise<void> {
  const port = parentPort!
  await runRosterCheck(job.source, createFieldProtector(Buffer.from(job.dataKey)), {
    post: (message) => port.postMessage(message),
    onTaken: (taken) => port.on('message', (_m: TakenMessage) => taken()),
  })
  port.close()
}

const job = workerData as ImportJob | CheckJob
void ('role' in job ? check(job) : write(job))
