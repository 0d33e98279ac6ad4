/**
 * The one module that reaches main. In Electron the preload exposes `window.kiosk` (one function
 * per operation); in a browser served by the headless host the same API runs over HTTP as
 * `POST /ipc/<operation>`. Stores import `api` from here, so tests mock this module alone.
 *
 * Only types come from the contract: importing it at run time would bundle zod into the renderer.
 */
import type { KioskApi } from '../src-shared/ipc/contract'
import type { AppError, Result } from '../src-shared/domain/result'
import { t } from './i18n'

declare global {
  interface Window {
    kiosk?: KioskApi
  }
}

export const UNREACHABLE_MESSAGE_KEY = 'app.unreachable'

/** Built when needed, so the sentence follows the current locale. */
const unreachable = (): Result<never> => ({ ok: false, error: { code: 'INTERNAL', message: t(UNREACHABLE_MESSAGE_KEY) } })

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false
  if (body.ok === true) return 'value' in body
  if (body.ok !== false || !('error' in body)) return false
  const error = body.error as Partial<AppError> | null
  return typeof error?.code === 'string' && typeof error.message === 'string'
}

/** Operation names are camelCase identifiers; anything else (e.g. `then`) is not an operation. */
function isOperationName(key: string | symbol): key is string {
  return typeof key === 'string' && key !== 'then' && /^[a-z][A-Za-z0-9]*$/.test(key)
}

/** The KioskApi over the headless host's HTTP routes. Every failure comes back as a Result. */
export function createHttpApi(fetchImpl: typeof fetch = (input, init) => fetch(input, init)): KioskApi {
  const call = async (name: string, input: unknown): Promise<Result<unknown>> => {
    try {
      const response = await fetchImpl(`/ipc/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      })
      const body: unknown = await response.json()
      return isResult(body) ? body : unreachable()
    } catch {
      return unreachable()
    }
  }
  return new Proxy({} as KioskApi, {
    get: (_target, key) => (isOperationName(key) ? (input: unknown) => call(key, input) : undefined),
  })
}

/** The preload's bridge when present (Electron), HTTP otherwise (browser through the host). */
export function chooseApi(scope: { kiosk?: KioskApi } | undefined): KioskApi {
  return scope?.kiosk ?? createHttpApi()
}

export const api: KioskApi = chooseApi(typeof window === 'undefined' ? undefined : window)
