/**
 * K6: the real electron-updater (download, sha512 verification, version and rollout rules)
 * driven by the kiosk's updater against a static server on 127.0.0.1. `electron` is replaced by
 * a small stand-in at module resolution; nothing else is mocked.
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { InstallReadiness } from '../../../../src-main/app/kiosk-services'
import { createKioskUpdater, type KioskUpdater } from '../../../../src-main/electron/updates/kiosk-updater'
import type { UpdateEngine } from '../../../../src-main/electron/updates/update-engine'
import { silentLogger } from '../../../../src-main/support/logger'
import { generateAppUpdateYml, loadBuilderConfig } from '../builder-config'
import { useElectronStandIn } from './use-electron-stand-in'
import { PACKAGE_NAME, startUpdateServer, type UpdateServer } from './update-server'

const requireWithStandIn = useElectronStandIn()
const { DebUpdater, CancellationToken } = requireWithStandIn('electron-updater') as {
  DebUpdater: new () => UpdateEngine & { forceDevUpdateConfig: boolean; updateConfigPath: string }
  CancellationToken: new () => { cancel(): void }
}
const { standIn } = requireWithStandIn('electron') as { standIn: { version: string; userData: string; appPath: string } }

const CACHE_DIR_NAME = 'cet-kiosk-updater'
let server: UpdateServer
let root: string

beforeAll(async () => {
  server = await startUpdateServer()
})
afterAll(async () => {
  await server.close()
})

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'kiosk-updater-'))
  standIn.version = '1.0.0'
  standIn.userData = join(root, 'user-data')
  standIn.appPath = root
  // electron-updater keeps downloads in the OS cache folder; point it into the test folder.
  process.env['XDG_CACHE_HOME'] = join(root, 'cache')
  server.requests.length = 0
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

interface Harness {
  readonly updater: KioskUpdater
  readonly engine: UpdateEngine
  readonly quitAndInstall: ReturnType<typeof vi.fn>
  readonly warnings: string[]
  readiness: InstallReadiness
}

async function harness(): Promise<Harness> {
  const configPath = join(root, 'app-update.yml')
  // The app-update.yml electron-builder would put in the Linux package, feed pointed at our server.
  process.env['KIOSK_UPDATE_URL'] = server.url
  await writeFile(configPath, await generateAppUpdateYml(loadBuilderConfig(), 'linux'))
  delete process.env['KIOSK_UPDATE_URL']
  const engine = new DebUpdater()
  // An unpackaged app has no resources/app-update.yml: point the real updater at ours.
  engine.forceDevUpdateConfig = true
  engine.updateConfigPath = configPath
  const quitAndInstall = vi.fn()
  engine.quitAndInstall = quitAndInstall
  const h: Harness = {
    engine,
    quitAndInstall,
    warnings: [],
    readiness: { candidateBeingServed: false, pendingChanges: 0 },
    updater: undefined as never,
  }
  ;(h as { updater: KioskUpdater }).updater = createKioskUpdater({
    engine,
    config: { feedUrl: null, checkIntervalMs: 60_000, installPollMs: 1_000 },
    readiness: () => Promise.resolve(h.readiness),
    newCancellationToken: () => new CancellationToken(),
    logger: { ...silentLogger, warn: (m) => h.warnings.push(m) },
  })
  return h
}

async function checkAndSettle(h: Harness): Promise<void> {
  await h.updater.check()
  await h.updater.settled()
}

/** The verified download waiting to be installed, or null. */
async function downloadedBytes(): Promise<Buffer | null> {
  const file = join(root, 'cache', CACHE_DIR_NAME, 'pending', PACKAGE_NAME)
  return existsSync(file) ? readFile(file) : null
}

const RELEASE_FILE = randomBytes(256 * 1024)

describe('automatic update with the real electron-updater (K6)', () => {
  it('K6: downloads a newer version in the background, verifies it and reports it ready', async () => {
    server.publish({ version: '1.1.0', file: RELEASE_FILE })
    const h = await harness()
    await checkAndSettle(h)
    expect(h.updater.status()).toMatchObject({ state: 'ready', version: '1.1.0' })
    expect(await downloadedBytes()).toEqual(RELEASE_FILE)
    expect(server.requests).toContain(`/${PACKAGE_NAME}`)
  })

  it('K6: refuses a download with one tampered byte (sha512) and installs nothing', async () => {
    const tampered = Buffer.from(RELEASE_FILE)
    tampered[1000] = tampered[1000]! ^ 0xff
    server.publish({ version: '1.1.0', file: RELEASE_FILE, served: tampered })
    const h = await harness()
    await checkAndSettle(h)
    expect(h.updater.status()).toMatchObject({ state: 'error', version: null })
    expect(h.warnings.join('\n')).toContain('ERR_CHECKSUM_MISMATCH')
    expect(await downloadedBytes()).toBeNull()
    expect(await h.updater.installIfIdle()).toBe(false)
    expect(h.quitAndInstall).not.toHaveBeenCalled()
  })

  it('K6: never offers a lower version (no downgrade), and downloads nothing', async () => {
    standIn.version = '1.2.0'
    server.publish({ version: '1.1.0', file: RELEASE_FILE })
    const h = await harness()
    await checkAndSettle(h)
    expect(h.engine.allowDowngrade).toBe(false)
    expect(h.updater.status()).toMatchObject({ state: 'idle' })
    expect(server.requests).not.toContain(`/${PACKAGE_NAME}`)
  })

  it('K6: offers nothing from a staged rollout at 0 %', async () => {
    server.publish({ version: '1.1.0', file: RELEASE_FILE, stagingPercentage: 0 })
    const h = await harness()
    await checkAndSettle(h)
    expect(h.updater.status()).toMatchObject({ state: 'idle' })
    expect(server.requests).not.toContain(`/${PACKAGE_NAME}`)
  })

  it('K6: a download cut midway fails, and the next check downloads and verifies it whole', async () => {
    server.publish({ version: '1.1.0', file: RELEASE_FILE, cutAfterBytes: { bytes: 100 * 1024, times: 1 } })
    const h = await harness()
    await checkAndSettle(h)
    expect(h.updater.status()).toMatchObject({ state: 'error' })
    expect(await downloadedBytes()).toBeNull()

    await checkAndSettle(h)
    expect(h.updater.status()).toMatchObject({ state: 'ready', version: '1.1.0' })
    expect(await downloadedBytes()).toEqual(RELEASE_FILE)
    expect(server.requests.filter((p) => p === `/${PACKAGE_NAME}`)).toHaveLength(2)
  })

  it('K6: installs a verified update only once no candidate is served and the outbox is empty', async () => {
    server.publish({ version: '1.1.0', file: RELEASE_FILE })
    const h = await harness()
    await checkAndSettle(h)

    h.readiness = { candidateBeingServed: true, pendingChanges: 0 }
    expect(await h.updater.installIfIdle()).toBe(false)
    expect(h.updater.status()).toMatchObject({ state: 'ready', waitingFor: 'candidate' })
    expect(h.updater.status().message).toContain('当前考生办理完成后')

    h.readiness = { candidateBeingServed: false, pendingChanges: 3 }
    expect(await h.updater.installIfIdle()).toBe(false)
    expect(h.updater.status()).toMatchObject({ state: 'ready', waitingFor: 'outbox' })
    expect(h.quitAndInstall).not.toHaveBeenCalled()

    h.readiness = { candidateBeingServed: false, pendingChanges: 0 }
    expect(await h.updater.installIfIdle()).toBe(true)
    expect(h.quitAndInstall).toHaveBeenCalledWith(true, true)
    expect(h.updater.status()).toMatchObject({ state: 'installing', version: '1.1.0' })
  })
})
