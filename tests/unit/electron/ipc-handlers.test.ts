import { describe, expect, it, vi } from 'vitest'
import { OPERATION_NAMES, channelOf } from '../../../src-shared/ipc/contract'
import { ok } from '../../../src-shared/domain/result'
import { registerIpcHandlers } from '../../../src-main/electron/ipc-handlers'

type Handler = (event: unknown, input: unknown) => Promise<unknown>

function fakeIpcMain() {
  const handlers = new Map<string, Handler>()
  return {
    handlers,
    handle: vi.fn((channel: string, handler: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      handlers.set(channel, handler)
    }),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  }
}

describe('IPC handler registration', () => {
  it('registers exactly one handler per operation of the contract', () => {
    const ipcMain = fakeIpcMain()
    registerIpcHandlers(ipcMain as never, { dispatch: vi.fn(), isTrustedSender: () => true })
    expect([...ipcMain.handlers.keys()].sort()).toEqual(OPERATION_NAMES.map(channelOf).sort())
  })

  it('dispatches a trusted call by operation name with its raw input', async () => {
    const ipcMain = fakeIpcMain()
    const dispatch = vi.fn(async () => ok({ id: 1 }))
    registerIpcHandlers(ipcMain as never, { dispatch, isTrustedSender: () => true })
    const answer = await ipcMain.handlers.get(channelOf('signIn'))!({}, { username: 'demo', password: 'demo1234' })
    expect(answer).toEqual({ ok: true, value: { id: 1 } })
    expect(dispatch).toHaveBeenCalledWith('signIn', { username: 'demo', password: 'demo1234' })
  })

  it('answers FORBIDDEN to a foreign sender without dispatching', async () => {
    const ipcMain = fakeIpcMain()
    const dispatch = vi.fn()
    const foreignEvent = { senderFrame: { url: 'https://evil.example/' } }
    const isTrustedSender = vi.fn(() => false)
    registerIpcHandlers(ipcMain as never, { dispatch, isTrustedSender })
    for (const name of OPERATION_NAMES) {
      const answer = await ipcMain.handlers.get(channelOf(name))!(foreignEvent, {})
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(isTrustedSender).toHaveBeenCalledWith(foreignEvent)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('turns a throw into an INTERNAL Result (thrown errors lose their shape over IPC)', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const ipcMain = fakeIpcMain()
    registerIpcHandlers(ipcMain as never, { dispatch: vi.fn(async () => Promise.reject(new Error('x'))), isTrustedSender: () => true })
    await expect(ipcMain.handlers.get(channelOf('getDeskStatus'))!({}, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    })
    spy.mockRestore()
  })

  it('removes every handler it registered', () => {
    const ipcMain = fakeIpcMain()
    const remove = registerIpcHandlers(ipcMain as never, { dispatch: vi.fn(), isTrustedSender: () => true })
    remove()
    expect(ipcMain.handlers.size).toBe(0)
  })
})
