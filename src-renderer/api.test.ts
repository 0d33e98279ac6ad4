import { describe, expect, it, vi } from 'vitest'
import { OPERATION_NAMES, type KioskApi } from '../src-shared/ipc/contract'
import { chooseApi, createHttpApi } from './api'

const UNREACHABLE_MESSAGE = '无法连接本机服务，请稍后重试。'

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

describe('api transport', () => {
  it('uses the preload bridge when window.kiosk exists (K4)', () => {
    const bridge = { getDeskStatus: vi.fn() } as unknown as KioskApi
    expect(chooseApi({ kiosk: bridge })).toBe(bridge)
  })

  it('carries operation N as POST /ipc/N with the input as JSON and returns the Result', async () => {
    const fetchImpl = vi.fn<typeof fetch>().mockResolvedValue(jsonResponse({ ok: true, value: { visitId: 'v1' } }))
    const api = createHttpApi(fetchImpl)

    const result = await api.acceptAgreement({ version: '2026H2-1', accepted: true })

    expect(result).toEqual({ ok: true, value: { visitId: 'v1' } })
    expect(fetchImpl).toHaveBeenCalledWith('/ipc/acceptAgreement', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: '2026H2-1', accepted: true }),
    })
  })

  it('passes refusals from main through unchanged, whatever the HTTP status', async () => {
    const refusal = { ok: false, error: { code: 'ID_FORMAT', message: '护照号码应为5至20位字母或数字。' } }
    const api = createHttpApi(vi.fn<typeof fetch>().mockResolvedValue(jsonResponse(refusal, 400)))
    expect(await api.lookupEligibility({ visitId: 'v', idType: '护照', idNumber: '#', name: '郎晓旭' })).toEqual(refusal)
  })

  it('turns a network failure into an INTERNAL error with a message staff understand', async () => {
    const api = createHttpApi(vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch')))
    expect(await api.getDeskStatus({})).toEqual({ ok: false, error: { code: 'INTERNAL', message: UNREACHABLE_MESSAGE } })
  })

  it('treats an answer that is not a Result as unreachable', async () => {
    const api = createHttpApi(vi.fn<typeof fetch>().mockResolvedValue(new Response('<html>502</html>', { status: 502 })))
    expect(await api.signOut({})).toEqual({ ok: false, error: { code: 'INTERNAL', message: UNREACHABLE_MESSAGE } })
  })

  it('reaches every operation of the contract, digits in the name included (getCet6Review)', () => {
    const api = createHttpApi(vi.fn<typeof fetch>()) as unknown as Record<string, unknown>
    for (const name of OPERATION_NAMES) expect(typeof api[name], name).toBe('function')
  })

  it('is not mistaken for a promise', () => {
    const api = createHttpApi(vi.fn<typeof fetch>())
    expect((api as unknown as { then?: unknown }).then).toBeUndefined()
  })
})
