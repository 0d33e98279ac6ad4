/**
 * Starts the headless host once for the whole run: `node out/main/host.js --port <free>
 * --data <fresh temp dir> --test-clock`, waits until it answers, and hands its URL to the tests through
 * KIOSK_E2E_BASE_URL. The returned teardown stops that child by its own pid.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..', '..')
const HOST_ENTRY = join(ROOT, 'out', 'main', 'host.js')
export const SCREENS_DIR = join(ROOT, 'test-results', 'screens')

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))))
    })
  })
}

async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`headless host exited with code ${child.exitCode}; see test-results/host.log`)
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`headless host did not answer on ${url} within ${timeoutMs} ms; see test-results/host.log`)
}

function stopByPid(child: ChildProcess): Promise<void> {
  return new Promise((resolveStop) => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return resolveStop()
    const pid = child.pid
    const forceKill = setTimeout(() => {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // already gone
      }
    }, 5000)
    child.once('exit', () => {
      clearTimeout(forceKill)
      resolveStop()
    })
    process.kill(pid, 'SIGTERM')
  })
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(HOST_ENTRY)) throw new Error(`${HOST_ENTRY} is missing: run \`npm run build\` before the e2e suite`)
  await rm(SCREENS_DIR, { recursive: true, force: true })
  await mkdir(SCREENS_DIR, { recursive: true })
  const dataDir = await mkdtemp(join(tmpdir(), 'cet-kiosk-e2e-'))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`

  const log = createWriteStream(join(ROOT, 'test-results', 'host.log'))
  const child = spawn(process.execPath, [HOST_ENTRY, '--port', String(port), '--data', dataDir, '--test-clock'], {
    cwd: ROOT,
    env: { ...process.env, KIOSK_PORT: undefined, KIOSK_DATA_DIR: undefined, KIOSK_CENTRAL_URL: undefined, KIOSK_DEVICE_TOKEN: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.pipe(log)
  child.stderr?.pipe(log)

  try {
    await waitUntilAnswering(url, child, 30_000)
  } catch (error) {
    await stopByPid(child)
    throw error
  }
  process.env.KIOSK_E2E_BASE_URL = url

  return async () => {
    await stopByPid(child)
    log.end()
    await rm(dataDir, { recursive: true, force: true })
  }
}
