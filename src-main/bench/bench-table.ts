/** The bench's table: one row per figure, its baseline from the same run, and the goal. */
export interface BenchRow {
  readonly id: string
  readonly what: string
  /** The figure as printed, or "n/a — <reason>" when it cannot be measured honestly yet. */
  readonly result: string
  readonly baseline: string
  readonly goal: string
  /** null when there is no figure to judge. */
  readonly met: boolean | null
  /** The raw numbers, for the JSON file. */
  readonly data: Readonly<Record<string, number>>
  /** A correctness check that failed (e.g. overbooking): not a speed goal; the run fails. */
  readonly broken?: string
}

export function notMeasured(id: string, what: string, goal: string, reason: string): BenchRow {
  return { id, what, result: `n/a — ${reason}`, baseline: '', goal, met: null, data: {} }
}

export function formatNumber(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return 'n/a'
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
}

export function renderTable(rows: readonly BenchRow[]): string {
  const header = ['what', 'result', 'baseline (same run)', 'goal', 'met']
  const body = rows.map((r) => [r.what, r.result, r.baseline, r.goal, r.met === null ? '' : r.met ? 'yes' : 'NO'])
  const lines = [header, header.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`)
  return lines.join('\n')
}
