/**
 * `node out/main/host.js [--port N] [--data DIR] [--central URL --token T]`
 * Runs the kiosk's services and serves the built renderer on http://127.0.0.1:N.
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readKioskConfig } from '../app/kiosk-config'
import { describeError } from '../support/logger'
import { createKioskServices } from '../app/kiosk-services'
import { readHostCliOptions } from './cli-options'
import { startHost } from './server'

// This file is bundled to out/main/host.js; the renderer is built next to it.
const RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url))

async function main(): Promise<void> {
  const { port, kioskArgv } = readHostCliOptions(process.argv.slice(2), process.env)
  const config = readKioskConfig(kioskArgv, process.env, { dataDir: resolve('kiosk-data') })
  const services = await createKioskServices(config)
  let host
  try {
    host = await startHost({ services, staticDir: RENDERER_DIR, port, host: '127.0.0.1' })
  } catch (error) {
    await services.dispose()
    throw error
  }
  console.log(`CET kiosk (headless host) on ${host.url}`)

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
