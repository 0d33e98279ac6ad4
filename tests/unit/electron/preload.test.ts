import { describe, expect, it, vi } from 'vitest'
import { OPERATION_NAMES, channelOf } from '../../../src-shared/ipc/contract'

const exposeInMainWorld = vi.fn()
const ipcRenderer = { invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })), on: vi.fn(), send: vi.fn() }

vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld }, ipcRenderer }))

await import('../../../src-preload/index')

describe('preload bridge (K4)', () => {
  const [key, api] = exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>]

  it('exposes window.kiosk once', () => {
    expect(exposeInMainWorld).toHaveBeenCalledTimes(1)
    expect(key).toBe('kiosk')
  })

  it('has exactly one function per operation, and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([...OPERATION_NAMES].sort())
    for (const name of OPERATION_NAMES) expect(typeof api[name]).toBe('function')
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('never exposes ipcRenderer or its methods', () => {
    expect(Object.values(api)).not.toContain(ipcRenderer)
    expect(Object.values(api)).not.toContain(ipcRenderer.invoke)
    expect(api).not.toHaveProperty('invoke')
    expect(api).not.toHaveProperty('on')
  })

  it('invokes the operation\'s channel with the input only', async () => {
    const signIn = api.signIn as (input: unknown) => Promise<unknown>
    await expect(signIn({ username: 'demo', password: 'demo1234' })).resolves.toEqual({
      ok: true,
      value: { channel: channelOf('signIn'), input: { username: 'demo', password: 'demo1234' } },
    })
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('kiosk:signIn', { username: 'demo', password: 'demo1234' })
  })
})
