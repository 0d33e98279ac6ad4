/**
 * Keeps `npm run bench` from rotting: the same bench code at a tiny size (the import in-process,
 * since Vitest cannot start the TypeScript worker). It checks what the table says, never speed.
 */
import { describe, expect, it } from 'vitest'
import { renderTable } from '../../../../src-main/bench/bench-table'
import { initialScripts } from '../../../../src-main/bench/renderer-size'
import { runBench } from '../../../../src-main/bench/run-bench'

describe('npm run bench (tiny size)', () => {
  it('measures import and lookup beside their baselines and marks what it cannot measure as n/a with a reason', async () => {
    const rows = await runBench({ rosterRows: 300, lookups: 50, importInProcess: true, rendererDir: null })
    const byId = new Map(rows.map((r) => [r.id, r]))
    expect(byId.get('roster-import')?.data).toMatchObject({ rows: 300 })
    expect(byId.get('roster-import')!.data['rowsPerSecond']).toBeGreaterThan(0)
    expect(byId.get('roster-import')!.data['rawRowsPerSecond']).toBeGreaterThan(0)
    expect(byId.get('eligibility-lookup')!.data['p99Ms']).toBeGreaterThan(0)
    expect(byId.get('import-loop-delay')?.result).toMatch(/^n\/a — /)
    expect(byId.get('outbox-delivery')?.result).toBe('n/a — the durable outbox arrives with the sync issue #5')
    for (const row of rows.filter((r) => r.met === null)) expect(row.result).toMatch(/^n\/a — ./)
    expect(renderTable(rows).split('\n')).toHaveLength(rows.length + 2)
  })

  it('counts the scripts and module preloads index.html loads at start', () => {
    const html = '<script type="module" crossorigin src="./assets/index-A.js"></script><link rel="modulepreload" crossorigin href="./assets/vendor-B.js"><link rel="stylesheet" href="./assets/index.css">'
    expect(initialScripts(html)).toEqual(['./assets/index-A.js', './assets/vendor-B.js'])
  })
})
