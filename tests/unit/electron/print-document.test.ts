import { describe, expect, it, vi } from 'vitest'
import { channelOf } from '../../../src-shared/ipc/contract'
import { fail, ok } from '../../../src-shared/domain/result'
import { registerIpcHandlers } from '../../../src-main/electron/ipc-handlers'
import { PRINT_FAILED_MESSAGE, printSenderWindow } from '../../../src-main/electron/print-sender'

type Handler = (event: unknown, input: unknown) => Promise<unknown>

function handlersWith(deps: Parameters<typeof registerIpcHandlers>[1]): Map<string, Handler> {
  const handlers = new Map<string, Handler>()
  registerIpcHandlers({ handle: (channel: string, h: Handler) => handlers.set(channel, h), removeHandler: vi.fn() } as never, deps)
  return handlers
}

describe('printDocument in the Electron shell', () => {
  it('prints the sender’s own window once main allowed it, and answers app', async () => {
    const printSender = vi.fn(async () => ok(undefined))
    const dispatch = vi.fn(async () => ok({ printedBy: 'browser' }))
    const handlers = handlersWith({ dispatch, isTrustedSender: () => true, printSender })
    const event = { sender: { id: 1 } }
    expect(await handlers.get(channelOf('printDocument'))!(event, { document: 'receipt' })).toEqual({ ok: true, value: { printedBy: 'app' } })
    expect(dispatch).toHaveBeenCalledWith('printDocument', { document: 'receipt' })
    expect(printSender).toHaveBeenCalledWith(event)
  })

  it('K1: prints nothing when main refuses (an operator asking for the day report)', async () => {
    const printSender = vi.fn(async () => ok(undefined))
    const refusal = fail('FORBIDDEN', '只有主管可以进行此操作，请联系主管。')
    const handlers = handlersWith({ dispatch: vi.fn(async () => refusal), isTrustedSender: () => true, printSender })
    expect(await handlers.get(channelOf('printDocument'))!({}, { document: 'dayReport' })).toEqual(refusal)
    expect(printSender).not.toHaveBeenCalled()
  })

  it('never prints for a foreign sender', async () => {
    const printSender = vi.fn(async () => ok(undefined))
    const handlers = handlersWith({ dispatch: vi.fn(), isTrustedSender: () => false, printSender })
    expect(await handlers.get(channelOf('printDocument'))!({}, { document: 'receipt' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(printSender).not.toHaveBeenCalled()
  })

  it('opens the print dialog (never silent); a cancelled dialog is fine, a failed job is said in one sentence', async () => {
    const print = vi.fn((_options: unknown, done: (success: boolean, reason: string) => void) => done(false, 'cancelled'))
    expect(await printSenderWindow({ print } as never)).toEqual(ok(undefined))
    expect(print.mock.calls[0]![0]).toMatchObject({ silent: false })
    const failing = vi.fn((_options: unknown, done: (success: boolean, reason: string) => void) => done(false, 'failed'))
    expect(await printSenderWindow({ print: failing } as never)).toEqual(fail('INTERNAL', PRINT_FAILED_MESSAGE))
  })
})
