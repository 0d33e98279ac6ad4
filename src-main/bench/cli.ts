/**
 * `npm run bench [-- --quick]`: builds nothing itself (the npm script builds first), runs the
 * table, prints it and writes it with the machine's description to bench-results/.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem, type as osType, release } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { renderTable } from './bench-table'
import { FULL, QUICK, runBench } from './run-bench'

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick')
  const outMain = dirname(fileURLToPath(import.meta.url))
  const root = resolve(outMain, '..', '..')
  const sizes = quick ? QUICK : FULL
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${osType()} ${release()}`,
    node: process.version,
  }
  const started = Date.now()
  const rows = await runBench({ ...sizes, rendererDir: join(root, 'out', 'renderer') })
  const seconds = (Date.now() - started) / 1000
  const table = renderTable(rows)
  console.log(`${table}\n\n${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}; ${seconds.toFixed(0)} s${quick ? ' (--quick)' : ''}`)
  const dir = join(root, 'bench-results')
  mkdirSync(dir, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  writeFileSync(join(dir, `bench-${quick ? 'quick-' : ''}${stamp}.json`), JSON.stringify({ quick, machine, seconds, rows }, null, 2))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
