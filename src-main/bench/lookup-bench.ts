/**
 * E2 lookup at scale, through the handler's path: the operation's zod input, the ID-number rule,
 * the keyed-hash probe (one prepared statement, with the school and campus names) with
 * decryption and the mapping to the screen's view, as lookupEligibility runs them; against a raw
 * prepared `get` on the same index with the hash already computed.
 */
import { checkIdNumber } from '../../src-shared/domain/id-documents'
import { operations } from '../../src-shared/ipc/contract'
import { candidateViewWithNames } from '../services/candidate-view'
import { findRosterEntryByDocument } from '../store/roster-repository'
import type { BenchStore } from './bench-store'
import { syntheticCandidate } from './synthetic-roster'

export interface LookupFigures {
  readonly p50Ms: number
  readonly p99Ms: number
  readonly rawP50Ms: number
  readonly rawP99Ms: number
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

/** A fixed pseudo-random sequence, so runs probe the same candidates. */
function picks(count: number, rows: number): number[] {
  let x = 2463534242
  return Array.from({ length: count }, () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return (x >>> 0) % rows
  })
}

/** Probes run before the timed ones, for both paths: a kiosk's lookup runs warm, not in its first JIT tiers. */
const WARM_UP = 1000

/**
 * The two paths take turns, each with candidates of its own (the same pseudo-random spread): run
 * one after the other over the same candidates, the second found every page the first had read
 * already in SQLite's cache, and its tail measured the cache, not the path.
 */
export async function benchLookup(bench: BenchStore, rows: number, lookups: number): Promise<LookupFigures> {
  const visitId = '00000000-0000-4000-8000-000000000000'
  const get = bench.store.sqlite.prepare('select * from roster_records where id_type = ? and id_number_hmac = ?')
  const handler: number[] = []
  const raw: number[] = []
  const sequence = picks(2 * (WARM_UP + lookups), rows)
  for (let n = 0; n < WARM_UP + lookups; n++) {
    const c = syntheticCandidate(sequence[2 * n]!)
    let t0 = performance.now()
    const input = operations.lookupEligibility.input.parse({ visitId, idType: c.idType, idNumber: c.idNumber, name: c.name })
    const id = checkIdNumber(input.idType, input.idNumber)
    if (!id.ok) throw new Error('bench ID refused')
    const entry = await findRosterEntryByDocument(bench.store.db, bench.protector, input.idType, id.value)
    if (entry === null || entry.record.name !== input.name) throw new Error('bench candidate not found')
    candidateViewWithNames(entry.record, entry.schoolName, entry.campusName, null)
    if (n >= WARM_UP) handler.push(performance.now() - t0)

    const other = syntheticCandidate(sequence[2 * n + 1]!)
    const hash = bench.protector.blindIndex(other.idNumber)
    t0 = performance.now()
    if (get.get(other.idType, hash) === undefined) throw new Error('bench candidate not found')
    if (n >= WARM_UP) raw.push(performance.now() - t0)
  }
  handler.sort((a, b) => a - b)
  raw.sort((a, b) => a - b)
  return { p50Ms: percentile(handler, 50), p99Ms: percentile(handler, 99), rawP50Ms: percentile(raw, 50), rawP99Ms: percentile(raw, 99) }
}
