/**
 * Real processes for the sync tests (S1–S6): the reference central (`out/main/central.js`) and
 * kiosks (the headless host, `out/main/host.js`) as children, each reached over its own socket,
 * each stopped (or killed with SIGKILL) by its own pid. Needs the build (`npm run build`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..', '..')
export const CENTRAL_ENTRY = join(ROOT, 'out', 'main', 'central.js')
export const HOST_ENTRY = join(ROOT, 'out', 'main', 'host.js')

export function assertBuilt(): void {
  for (const entry of [CENTRAL_ENTRY, HOST_ENTRY]) {
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`)
  }
}

export interface ChildHandle {
  readonly child: ChildProcess
  readonly pid: number
  readonly url: string
  /** Everything the child printed, for a failing test's message. */
  output(): string
  /** Settles when the child has exited. */
  readonly exited: Promise<void>
  /** SIGTERM (clean) or SIGKILL (crash); resolves when the child has exited. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>
}

const CLEAN_ENV = {
  KIOSK_PORT: undefined,
  KIOSK_DATA_DIR: undefined,
  KIOSK_CENTRAL_URL: undefined,
  KIOSK_DEVICE_TOKEN: undefined,
  KIOSK_ID: undefined,
  CENTRAL_PORT: undefined,
  CENTRAL_DATA_DIR: undefined,
}

/** Starts `node entry args…` and waits for the line that names its URL. */
function startChild(entry: string, args: readonly string[], urlPattern: RegExp, env: Record<string, string | undefined> = {}): Promise<ChildHandle> {
  const child = spawn(process.execPath, [entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...CLEAN_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const force = setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, 'SIGKILL')
    }, 8000)
    process.kill(child.pid!, signal)
    await exited
    clearTimeout(force)
  }
  return new Promise((resolveStart, rejectStart) => {
    const timeout = setTimeout(() => {
      void stop('SIGKILL')
      rejectStart(new Error(`${entry} did not start within 30 s:\n${log}`))
    }, 30_000)
    const onData = (chunk: Buffer): void => {
      log += chunk.toString()
      const match = urlPattern.exec(log)
      if (match) {
        clearTimeout(timeout)
        resolveStart({ child, pid: child.pid!, url: match[1]!, output: () => log, exited, stop })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()))
    child.once('exit', (code, signal) => {
      clearTimeout(timeout)
      rejectStart(new Error(`${entry} exited (${code ?? signal}) before it was ready:\n${log}`))
    })
  })
}

/** The reference central on `port` (0: a free one), with its database in dataDir. */
export function startCentralProcess(dataDir: string, port = 0): Promise<ChildHandle> {
  return startChild(CENTRAL_ENTRY, ['--port', String(port), '--data', dataDir], /listening on (http:\/\/127\.0\.0\.1:\d+)/)
}

/** `central --issue-token`: a device token for kioskId serving the given schools. */
export function issueDeviceToken(dataDir: string, kioskId: string, schools: readonly string[] = ['12001', '99301']): string {
  const run = spawnSync(process.execPath, [CENTRAL_ENTRY, '--issue-token', kioskId, '--schools', schools.join(','), '--data', dataDir], {
    cwd: ROOT,
    env: { ...process.env, ...CLEAN_ENV },
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`issue-token failed: ${run.stderr}`)
  const token = run.stdout.trim().split('\n').pop()
  if (!token) throw new Error('issue-token printed no token')
  return token
}

export interface KioskProcess extends ChildHandle {
  /** One IPC operation through the host, as the renderer calls it: POST /ipc/<name>. */
  ipc<T = unknown>(name: string, input?: unknown): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>
}

export interface KioskProcessOptions {
  readonly dataDir: string
  readonly centralUrl: string
  readonly token: string
  readonly kioskId: string
  readonly port?: number
  readonly extraArgs?: readonly string[]
  readonly env?: Record<string, string | undefined>
}

/** A kiosk (headless host) against an external central. */
export async function startKioskProcess(options: KioskProcessOptions): Promise<KioskProcess> {
  const handle = await startChild(
    HOST_ENTRY,
    [
      '--port',
      String(options.port ?? 0),
      '--data',
      options.dataDir,
      '--central',
      options.centralUrl,
      '--token',
      options.token,
      '--kiosk-id',
      options.kioskId,
      ...(options.extraArgs ?? []),
    ],
    /headless host\) on (http:\/\/127\.0\.0\.1:\d+)/,
    options.env,
  )
  return {
    ...handle,
    async ipc(name, input = {}) {
      const res = await fetch(`${handle.url}/ipc/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: handle.url },
        body: JSON.stringify(input),
      })
      return (await res.json()) as never
    },
  }
}
