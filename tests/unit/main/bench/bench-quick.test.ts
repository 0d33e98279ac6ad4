/**
 * Keeps `npm run bench` from rotting: the same bench code at a tiny size (the import in-process,
 * since Vitest cannot start the TypeScript worker; the central and the echo server in-process;
 * no browser). It checks what the table says, never speed.
 */
import { describe, expect, it } from 'vitest'
import { renderTable } from '../../../../src-main/bench/bench-table'
import { initialScripts, lazyScreens } from '../../../../src-main/bench/renderer-size'
import { runBench } from '../../../../src-main/bench/run-bench'

/** Every row at a tiny size; no renderer, built central or host (unit-test size). */
const TINY = {
  rosterRows: 300,
  lookups: 50,
  expiryBookings: 300,
  contentionCandidates: 40,
  commitBookings: 10,
  outboxChanges: 30,
  outboxWarmUp: 20,
  navigationRounds: 1,
  rendererDir: null,
  centralEntry: null,
  hostEntry: null,
}

describe('npm run bench (tiny size)', () => {
  it('measures every row beside its baseline, checks B1 overbooking under contention, and marks what it cannot measure as n/a with a reason', async () => {
    const rows = await runBench({ ...TINY, importInProcess: true })
    const byId = new Map(rows.map((r) => [r.id, r]))
    expect(byId.get('roster-import')?.data).toMatchObject({ rows: 300 })
    expect(byId.get('roster-import')!.data['rowsPerSecond']).toBeGreaterThan(0)
    expect(byId.get('roster-import')!.data['rawRowsPerSecond']).toBeGreaterThan(0)
    expect(byId.get('eligibility-lookup')!.data['p99Ms']).toBeGreaterThan(0)
    expect(byId.get('import-loop-delay')?.result).toMatch(/^n\/a — /)

    expect(byId.get('expiry-sweep')?.data).toMatchObject({ bookings: 300, expired: 300 })
    expect(byId.get('expiry-sweep')!.data['rawSeconds']).toBeGreaterThan(0)
    expect(byId.get('booking-commit-local')?.data).toMatchObject({ bookings: 10 })
    expect(byId.get('booking-commit-local')!.data['rawBookingsPerSecond']).toBeGreaterThan(0)
    expect(byId.get('booking-commit-central')?.data).toMatchObject({ bookings: 10 })
    expect(byId.get('outbox-delivery')?.data).toMatchObject({ changes: 30, warmUpChanges: 20, delivered: 30 })
    expect(byId.get('outbox-delivery')!.data['echoPerSecond']).toBeGreaterThan(0)
    expect(byId.get('booking-commit-central')!.data['echoRoundTripsPerSecond']).toBeGreaterThan(0)
    // 40 candidates race for 36 seats from 8 clients: exactly 36 booked, 4 refused, none over.
    expect(byId.get('central-contention')?.data).toMatchObject({
      clients: 8,
      attempts: 40,
      booked: 36,
      refusedNoSeats: 4,
      otherAnswers: 0,
      activeBookings: 36,
      seatsLeft: 0,
      overbooked: 0,
    })
    expect(byId.get('central-contention')?.broken).toBeUndefined()
    expect(byId.get('navigation')?.result).toBe('n/a — no built host (unit-test size)')

    for (const row of rows.filter((r) => r.met === null && r.baseline === '' && Object.keys(r.data).length === 0))
      expect(row.result).toMatch(/^n\/a — ./)
    expect(renderTable(rows).split('\n')).toHaveLength(rows.length + 2)
  })

  it('--only runs just the named rows (the import with the rows measured beside it); an unknown row is refused', async () => {
    const rows = await runBench({ ...TINY, only: new Set(['outbox-delivery']) })
    expect(rows.map((r) => r.id)).toEqual(['outbox-delivery'])
    expect(rows[0]?.data).toMatchObject({ changes: 30, delivered: 30 })
    await expect(runBench({ ...TINY, only: new Set(['no-such-row']) })).rejects.toThrow(/no row no-such-row/)
    const imported = await runBench({ ...TINY, importInProcess: true, only: new Set(['roster-import']) })
    expect(imported.map((r) => r.id)).toEqual(['roster-import', 'import-loop-delay', 'eligibility-lookup'])
    expect(imported[0]?.data).toMatchObject({ rows: 300 })
  })

  it('counts the scripts and module preloads index.html loads at start', () => {
    const html = '<script type="module" crossorigin src="./assets/index-A.js"></script><link rel="modulepreload" crossorigin href="./assets/vendor-B.js"><link rel="stylesheet" href="./assets/index.css">'
    expect(initialScripts(html)).toEqual(['./assets/index-A.js', './assets/vendor-B.js'])
  })

  it('finds the screens the router loads on demand, and only those', () => {
    const router = `import HomeScreen from './screens/HomeScreen.vue'
      { path: '/', component: HomeScreen },
      { path: '/day-report', component: () => import('./screens/DayReportScreen.vue') },
      { path: '/receipt', component: () => import("./screens/ReceiptScreen.vue") },`
    expect(lazyScreens(router)).toEqual(['DayReportScreen', 'ReceiptScreen'])
  })
})
