/** The checking thread of a roster file's import (roster-import-worker.ts, role `check`). */
import { parentPort } from 'node:worker_threads'
import { createFieldProtector } from '../protection/field-protector'
import type { CheckJob, TakenMessage } from './import-messages'
import { runRosterCheck } from './roster-check-stage'

export async function check(job: CheckJob): Promise<void> {
  const port = parentPort!
  await runRosterCheck(job.source, createFieldProtector(Buffer.from(job.dataKey)), {
    post: (message) => port.postMessage(message),
    onTaken: (taken) => port.on('message', (_m: TakenMessage) => taken()),
  })
  port.close()
}
