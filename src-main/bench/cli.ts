/**
 * `npm run bench [-- --quick] [--only ROW-ID[,ROW-ID…]]`: builds nothing itself (the npm script
 * builds first), runs the table, prints it and writes it with the machine's description to
 * bench-results/.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { renderTable } from './bench-table'
import { FULL, QUICK, runBench } from './run-bench'

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick')
  const outMain = dirname(fileURLToPath(import.meta.url))
  const root = resolve(outMain, '..', '..')
  const rowsAt = process.argv.indexOf('--rows')
  // `--rows N` / `--lookups N`: the import and lookup at another size (profiling); the table says the size.
  const lookupsAt = process.argv.indexOf('--lookups')
  const sizes = {
    ...(quick ? QUICK : FULL),
    ...(rowsAt > 0 ? { rosterRows: Number(process.argv[rowsAt + 1]) } : {}),
    ...(lookupsAt > 0 ? { lookups: Number(process.argv[lookupsAt + 1]) } : {}),
  }
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${osType()} ${release()}`,
    node: process.version,
    /** Other work on the machine when the run started (1, 5, 15 minutes): the figures share the cores with it. */
    loadAverage: loadavg().map((n) => Math.round(n * 10) / 10),
  }
  // `--only id[,id…]`: just these rows (profiling one figure); the table file is still written.
  const onlyAt = process.argv.indexOf('--only')
  const only = onlyAt > 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',').filter((id) => id !== '')) : undefined
  const started = Date.now()
  const rows = await runBench({
    ...sizes,
    ...(only === undefined ? {} : { only }),
    rendererDir: join(root, 'out', 'renderer'),
    centralEntry: [join(outMain, 'central.js')],
    hostEntry: join(outMain, 'host.js'),
  })
  const seconds = (Date.now() - started) / 1000
  const table = renderTable(rows)
  console.log(
    `${table}\n\n${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, load average ${machine.loadAverage.join(' / ')} at start; ${seconds.toFixed(0)} s${quick ? ' (--quick)' : ''}`,
  )
  const dir = join(root, 'bench-results')
  mkdirSync(dir, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  writeFileSync(join(dir, `bench-${quick ? 'quick-' : ''}${stamp}.json`), JSON.stringify({ quick, machine, seconds, rows }, null, 2))
  // Speed goals are reported, not enforced; a broken guarantee (e.g. overbooking) fails the run.
  for (const row of rows.filter((r) => r.broken !== undefined)) {
    console.error(`BROKEN: ${row.what}: ${row.broken}`)
    process.exitCode = 1
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
