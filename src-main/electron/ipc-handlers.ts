/**
 * One ipcMain handler per operation of the contract, each behind the sender check. Inputs are
 * parsed by dispatch (the services validate every input against the contract's zod schema).
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { OPERATION_NAMES, channelOf } from '../../src-shared/ipc/contract'
import { fail, ok, type Result } from '../../src-shared/domain/result'
import type { Dispatch } from '../ipc/dispatch'
import { consoleLogger, describeError } from '../support/logger'

export interface IpcHandlerDeps {
  dispatch: Dispatch
  isTrustedSender(event: IpcMainInvokeEvent): boolean
  /** printDocument: after main allowed it, the sender's own window prints (webContents.print). */
  printSender?(event: IpcMainInvokeEvent): Promise<Result<void>>
}

/** The shell's part of printDocument: main allowed and audited it; the app prints, not the page. */
async function printInApp(deps: IpcHandlerDeps, event: IpcMainInvokeEvent, allowed: Result<unknown>): Promise<Result<unknown>> {
  if (!allowed.ok || deps.printSender === undefined) return allowed
  const printed = await deps.printSender(event)
  return printed.ok ? ok({ printedBy: 'app' }) : printed
}

/** Registers the handlers; the returned function removes them again. */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, deps: IpcHandlerDeps): () => void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(channelOf(name), async (event, input: unknown): Promise<Result<unknown>> => {
      if (!deps.isTrustedSender(event)) return fail('FORBIDDEN', '该请求不是来自报名窗口，已拒绝。')
      try {
        const answer = await deps.dispatch(name, input)
        return name === 'printDocument' ? await printInApp(deps, event, answer) : answer
      } catch (error) {
        // A throw would lose its shape over IPC; answer a Result. Never log the input (K3).
        consoleLogger.error(`ipc: ${name} threw ${describeError(error)}`)
        return fail('INTERNAL', '系统内部错误，请稍后重试。')
      }
    })
  }
  return () => {
    for (const name of OPERATION_NAMES) ipcMain.removeHandler(channelOf(name))
  }
}
