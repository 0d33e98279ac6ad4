#!/usr/bin/env node
// `npm run lint:electron` (part of `npm test`, after the build): runs electronegativity with the
// real Electron version over the sources (src-*) and over the built output (out/), and fails on
// any HIGH or MEDIUM finding not switched off with a reason in electronegativity-report.mjs.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { blockingFindings, DISABLED_CHECKS, parseReport } from './electronegativity-report.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const electronVersion = require(join(root, 'node_modules', 'electron', 'package.json')).version
const cli = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js')
const work = mkdtempSync(join(tmpdir(), 'electronegativity-'))

/** The app's own sources as one tree (the checks are global: navigation limits live in main). */
function sourcesSnapshot() {
  const dir = join(work, 'sources')
  for (const part of ['src-main', 'src-preload', 'src-renderer', 'src-shared']) {
    cpSync(join(root, part), join(dir, part), { recursive: true, filter: (src) => !/\.test\.ts$/.test(src) })
  }
  return dir
}

function scan(label, input) {
  const report = join(work, `${label}.csv`)
  const run = spawnSync(
    process.execPath,
    ['-r', join(root, 'scripts', 'electronegativity-offline.cjs'), cli, '-i', input, '-e', electronVersion, '-r', '-v', 'false', '-o', report],
    { encoding: 'utf8', env: { ...process.env, LANG: 'en-US', ELECTRONEGATIVITY_REPORT: report } },
  )
  if (run.status !== 0 || !existsSync(report)) {
    console.error(run.stdout, run.stderr)
    throw new Error(`electronegativity did not produce a report for ${label} (exit ${run.status}).`)
  }
  return parseReport(readFileSync(report, 'utf8'))
}

let failed = false
try {
  const outDir = join(root, 'out')
  if (!existsSync(join(outDir, 'main', 'index.js'))) throw new Error('No built output in out/: run `npm run build` first.')
  for (const [label, input] of [
    ['sources', sourcesSnapshot()],
    ['built output', outDir],
  ]) {
    const findings = scan(label.replace(' ', '-'), input)
    const blocking = blockingFindings(findings)
    const ignored = findings.filter((f) => Object.hasOwn(DISABLED_CHECKS, f.issue))
    console.log(`electronegativity (Electron ${electronVersion}) over the ${label}: ${findings.length} findings, ${blocking.length} high/medium.`)
    for (const f of ignored) console.log(`  disabled ${f.issue}: ${DISABLED_CHECKS[f.issue]}`)
    for (const f of blocking) console.error(`  ${f.severity} ${f.issue} ${f.file}:${f.location} ${f.description}`)
    if (blocking.length > 0) failed = true
  }
} catch (error) {
  console.error(`lint:electron: ${error instanceof Error ? error.message : String(error)}`)
  failed = true
} finally {
  rmSync(work, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
