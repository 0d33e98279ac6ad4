/**
 * `node out/main/host.js [--port N] [--data DIR] [--central URL --token T] [--idle-seconds S]`
 * Runs the kiosk's services and serves the built renderer on http://127.0.0.1:N.
 * `node out/main/host.js --rotate-key --data DIR` re-encrypts the store under a new key (K3).
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readKioskConfig } from '../app/kiosk-config'
import { describeError } from '../support/logger'
import { createKioskServices } from '../app/kiosk-services'
import { ROTATE_KEY_FLAG, rotateKioskDataKey } from '../app/key-rotation'
import { readHostCliOptions } from './cli-options'
import { startHost } from './server'

// This file is bundled to out/main/host.js; the renderer is built next to it.
const RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url))

async function rotateKey(kioskArgv: readonly string[]): Promise<void> {
  const config = readKioskConfig(kioskArgv.filter((a) => a !== ROTATE_KEY_FLAG), process.env, { dataDir: resolve('kiosk-data') })
  const count = await rotateKioskDataKey(config)
  console.log(`Data key rotated: ${count} roster records re-encrypted in ${config.dataDir}.`)
}

async function main(): Promise<void> {
  const { port, kioskArgv } = readHostCliOptions(process.argv.slice(2), process.env)
  if (kioskArgv.includes(ROTATE_KEY_FLAG)) return rotateKey(kioskArgv)
  const config = readKioskConfig(kioskArgv, process.env, { dataDir: resolve('kiosk-data') })
  const services = await createKioskServices(config)
  let host
  try {
    host = await startHost({ services, staticDir: RENDERER_DIR, port, host: '127.0.0.1', testClock: services.testClock })
  } catch (error) {
    await services.dispose()
    throw error
  }
  console.log(`CET kiosk (headless host) on ${host.url}`)
  if (services.testClock !== null) console.warn('[host] test clock enabled: POST /test/clock moves time (tests only)')

  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    host
      .close()
      .catch(() => undefined)
      .then(() => services.dispose())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(`[host] shutdown failed: ${describeError(error)}`)
          process.exit(1)
        },
      )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  // Start-up errors are our own configuration messages: the operator needs them whole.
  console.error(`[host] could not start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
