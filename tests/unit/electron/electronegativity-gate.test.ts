/** K6: the electronegativity gate reads the real tool's report and fails on high/medium findings. */
import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { blockingFindings, DISABLED_CHECKS, parseReport } from '../../../scripts/electronegativity-report.mjs'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const HEADER = 'issue, severity, confidence, filename, location, sample, description, url'

describe('electronegativity gate (K6)', () => {
  it('K6: blocks HIGH and MEDIUM findings, lets LOW through, reads quoted commas', () => {
    const findings = parseReport(
      [
        HEADER,
        'NODE_INTEGRATION_JS_CHECK,"HIGH","FIRM","main/index.js","3:1","new BrowserWindow({a, b})","Disable nodeIntegration",https://x/NODE',
        'SANDBOX_JS_CHECK,"MEDIUM","FIRM","main/index.js","3:1",N/A,"Use sandbox, always",https://x/SANDBOX',
        'CSP_GLOBAL_CHECK,"LOW","TENTATIVE","main/index.js","9:2",N/A,"Failed to parse CSP, it may not be valid.",https://x/CSP',
        '',
      ].join('\n'),
    )
    expect(findings).toHaveLength(3)
    expect(findings[0]).toMatchObject({ issue: 'NODE_INTEGRATION_JS_CHECK', severity: 'HIGH', description: 'Disable nodeIntegration' })
    expect(blockingFindings(findings).map((f) => f.issue)).toEqual(['NODE_INTEGRATION_JS_CHECK', 'SANDBOX_JS_CHECK'])
  })

  it('K6: a disabled check needs its written reason, and only those are let through', () => {
    for (const [check, reason] of Object.entries(DISABLED_CHECKS)) {
      expect(check).toMatch(/^[A-Z0-9_]+$/)
      expect(reason.length, check).toBeGreaterThan(40)
    }
    const preload = parseReport(`${HEADER}\nPRELOAD_JS_CHECK,"MEDIUM","FIRM","main/index.js","1:1",N/A,"Review",https://x\n`)
    expect(blockingFindings(preload)).toEqual([])
    expect(blockingFindings(preload, {})).toHaveLength(1)
  })

  it('K6: fails closed on a report it cannot read (a truncated row could hide a finding)', () => {
    expect(() => parseReport(`${HEADER}\nparse CSP, it may not be valid.",https://x\n`)).toThrow(/Unreadable row/)
    expect(() => parseReport('')).toThrow(/Not an electronegativity CSV report/)
  })

  it('K6: catches an insecure window in real electronegativity output for Electron 41', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'electronegativity-fixture-'))
    try {
      await writeFile(
        join(dir, 'main.js'),
        "const { BrowserWindow } = require('electron')\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } })\n",
      )
      const report = join(dir, 'report.csv')
      const run = spawnSync(
        process.execPath,
        ['-r', join(ROOT, 'scripts/electronegativity-offline.cjs'), join(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js'), '-i', join(dir, 'main.js'), '-e', '41.7.1', '-r', '-v', 'false', '-o', report],
        { encoding: 'utf8', env: { ...process.env, ELECTRONEGATIVITY_REPORT: report } },
      )
      expect(run.status).toBe(0)
      const blocking = blockingFindings(parseReport(await readFile(report, 'utf8'))).map((f) => f.issue)
      expect(blocking, blocking.join()).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']))
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
