/**
 * Makes `require('electron')` resolve to electron-stand-in.cjs for CommonJS code loaded through
 * the returned require (electron-updater). Vitest's own mocks do not reach a dependency's CJS
 * require, so this works one level lower: at Node's module resolution.
 */
import Module, { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const STAND_IN = fileURLToPath(new URL('./electron-stand-in.cjs', import.meta.url))

type Resolve = (request: string, ...rest: unknown[]) => string
const moduleInternals = Module as unknown as { _resolveFilename: Resolve }

export function useElectronStandIn(): NodeJS.Require {
  const original = moduleInternals._resolveFilename
  moduleInternals._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
    return original.call(this, request === 'electron' ? STAND_IN : request, ...rest)
  }
  return createRequire(import.meta.url)
}
