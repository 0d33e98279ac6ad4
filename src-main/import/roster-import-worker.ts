/**
 * The import's worker thread (built by electron-vite as out/main/roster-import-worker.js): its
 * own better-sqlite3 connection to the kiosk's WAL database, so parsing, checking, sealing and
 * writing a million rows never blocks main's event loop. It answers progress ticks and one
 * outcome; for the central's roster download it reads the pages main sends it. For a roster
 * file it starts this same file again as its checking thread (role `check`): that thread reads,
 * checks and seals while this one writes (roster-import-pipeline.ts).
 *
 * Each role loads only the modules it runs (the checking thread no SQLite, neither thread
 * Kysely): a thread then starts in about a third of the time (#8).
 */
import { workerData } from 'node:worker_threads'
import type { CheckJob, ImportJob } from './import-messages'

const job = workerData as ImportJob | CheckJob
void ('role' in job
  ? import('./roster-check-thread').then((thread) => thread.check(job))
  : import('./roster-write-thread').then((thread) => thread.write(job)))
