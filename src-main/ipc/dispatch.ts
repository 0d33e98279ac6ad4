/**
 * The one entry from the renderer into main (through the preload in Electron, over HTTP in
 * the headless host). It refuses unknown operations, parses every input with the operation's
 * schema, runs desk operations one at a time, checks every output against the contract (so
 * nothing undeclared crosses) and never throws: results are values (`Result`).
 */
import { fail, type Result } from '../../src-shared/domain/result'
import { operations, type OperationName } from '../../src-shared/ipc/contract'
import { describeError, type Logger } from '../support/logger'
import { createSerialQueue } from '../support/serial-queue'
import type { HandlerTable } from './handler-table'
import { describeInputError } from './input-error'

export type Dispatch = (name: string, rawInput: unknown) => Promise<Result<unknown>>

export const UNKNOWN_OPERATION_MESSAGE = '输入有误：不支持该操作。'
export const INTERNAL_MESSAGE = '系统内部错误，请重试或联系管理员。'

/** Read-only operations the renderer polls; they need not wait behind a slow desk operation. */
const READ_ONLY: ReadonlySet<OperationName> = new Set(['getDeskStatus', 'getAgreement'])

function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(operations, name)
}

type AnyHandler = (input: unknown) => Promise<Result<unknown>>

export function createDispatch(handlers: HandlerTable, logger: Logger): Dispatch {
  const queue = createSerialQueue()

  async function run(name: OperationName, rawInput: unknown): Promise<Result<unknown>> {
    const operation = operations[name]
    // Operations without input may be called with nothing at all.
    const parsed = operation.input.safeParse(rawInput === undefined ? {} : rawInput)
    if (!parsed.success) return fail('INVALID_INPUT', describeInputError(parsed.error, rawInput))
    const result = await (handlers[name] as AnyHandler)(parsed.data)
    if (!result.ok) return result
    const output = operation.output.safeParse(result.value)
    if (!output.success) {
      logger.error(`operation ${name} produced output off contract at ${output.error.issues[0]?.path.join('.') ?? '?'}`)
      return fail('INTERNAL', INTERNAL_MESSAGE)
    }
    return { ok: true, value: output.data }
  }

  return async (name, rawInput) => {
    if (typeof name !== 'string' || !isOperationName(name)) return fail('INVALID_INPUT', UNKNOWN_OPERATION_MESSAGE)
    const guarded = async (): Promise<Result<unknown>> => {
      try {
        return await run(name, rawInput)
      } catch (error) {
        logger.error(`operation ${name} failed: ${describeError(error)}`)
        return fail('INTERNAL', INTERNAL_MESSAGE)
      }
    }
    return READ_ONLY.has(name) ? guarded() : queue.run(guarded)
  }
}
