/**
 * POST /ipc/<name>: the headless host's stand-in for Electron IPC. The body is the operation's
 * input as JSON; the answer is always the Result from dispatch with HTTP 200, so the renderer
 * handles one shape. Transport refusals (wrong method, not JSON, too large, unknown operation)
 * use HTTP status codes and the same Result shape.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { OPERATION_NAMES, httpPathOf, type OperationName } from '../../src-shared/ipc/contract'
import { fail, type ErrorCode, type Result } from '../../src-shared/domain/result'
import type { Dispatch } from '../ipc/dispatch'
import { consoleLogger, describeError } from '../support/logger'
import { refuseForeignIpcCall } from './request-guard'

/** An operation's input is a handful of short fields: anything bigger is not from the renderer. */
export const MAX_IPC_BODY_BYTES = 64 * 1024

const OPERATION_BY_PATH: ReadonlyMap<string, OperationName> = new Map(OPERATION_NAMES.map((n) => [httpPathOf(n), n]))

export const IPC_PATH_PREFIX = '/ipc/'

export function operationAt(path: string): OperationName | undefined {
  return OPERATION_BY_PATH.get(path)
}

function sendResult(response: ServerResponse, status: number, result: Result<unknown>): void {
  const body = JSON.stringify(result)
  response.statusCode = status
  response.setHeader('Content-Type', 'application/json; charset=utf-8')
  response.setHeader('Cache-Control', 'no-store')
  response.setHeader('Content-Length', Buffer.byteLength(body))
  response.end(body)
}

function refuse(response: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendResult(response, status, fail(code, message))
}

type Body = { readonly kind: 'ok'; readonly text: string } | { readonly kind: 'too-large' }

function readBody(request: IncomingMessage, limit: number): Promise<Body> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > limit) return Promise.resolve({ kind: 'too-large' })
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size > limit) {
        request.off('data', onData)
        resolve({ kind: 'too-large' })
        return
      }
      chunks.push(chunk)
    }
    request.on('data', onData)
    request.once('end', () => resolve({ kind: 'ok', text: Buffer.concat(chunks).toString('utf8') }))
    request.once('error', reject)
    // A client that goes away mid-body never sends 'end'; settle instead of waiting forever.
    request.once('close', () => reject(new Error('request closed before its body was complete')))
  })
}

export async function handleIpcRequest(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  dispatch: Dispatch,
): Promise<void> {
  const name = operationAt(path)
  if (name === undefined) return refuse(response, 404, 'NOT_FOUND', '没有这项操作。')
  if (request.method !== 'POST') {
    response.setHeader('Allow', 'POST')
    return refuse(response, 405, 'INVALID_INPUT', '这项操作只接受 POST 请求。')
  }
  const refusal = refuseForeignIpcCall(request.headers)
  if (refusal !== null) {
    return refuse(response, refusal.status, refusal.status === 403 ? 'FORBIDDEN' : 'INVALID_INPUT', refusal.reason)
  }
  const body = await readBody(request, MAX_IPC_BODY_BYTES)
  if (body.kind === 'too-large') {
    // Stop reading a body we will not use; the connection is not reusable after this.
    response.setHeader('Connection', 'close')
    request.resume()
    return refuse(response, 413, 'INVALID_INPUT', '请求内容过大。')
  }
  let input: unknown
  try {
    input = JSON.parse(body.text)
  } catch {
    return refuse(response, 400, 'INVALID_INPUT', '请求内容不是有效的 JSON。')
  }
  let result: Result<unknown>
  try {
    result = await dispatch(name, input)
  } catch (error) {
    // dispatch answers with Results; a throw is a bug in main. Never log the input (K3).
    consoleLogger.error(`host: ${name} threw ${describeError(error)}`)
    return refuse(response, 500, 'INTERNAL', '系统内部错误，请稍后重试。')
  }
  sendResult(response, 200, result)
}
