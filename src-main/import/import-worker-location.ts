/**
 * Where the built worker is: electron-vite writes it beside the entry files (out/main), while
 * the code that starts it may sit in out/main/chunks, so both folders are tried.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const IMPORT_WORKER_FILE = 'roster-import-worker.js'

/**
 * Both threads of an import make short-lived cells, records and sealed values by the million: a
 * larger young generation lets most die there instead of being copied and promoted (#8).
 */
export const IMPORT_WORKER_LIMITS = { maxYoungGenerationSizeMb: 64 }

export function locateImportWorker(moduleUrl: string = import.meta.url): string {
  const here = dirname(fileURLToPath(moduleUrl))
  const candidates = [join(here, IMPORT_WORKER_FILE), join(here, '..', IMPORT_WORKER_FILE)]
  const found = candidates.find((c) => existsSync(c))
  if (found === undefined) throw new Error(`${IMPORT_WORKER_FILE} is not beside the built main files.`)
  return found
}
