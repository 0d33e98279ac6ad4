/**
 * POST /test/clock {"advanceMs": N}: moves the kiosk's test clock forward and runs the
 * clock-driven jobs (B4 expiry, P3 follow-up) at once. For end-to-end tests only: without a
 * test clock (the default) the route does not exist and answers 404.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TestClockControl } from '../app/test-clock'
import { refuseForeignIpcCall } from './request-guard'

export const TEST_CLOCK_PATH = '/test/clock'
const MAX_BODY_BYTES = 1024

function reply(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.statusCode = status
  response.setHeader('Content-Type', 'application/json; charset=utf-8')
  response.setHeader('Cache-Control', 'no-store')
  response.end(text)
}

async function readSmallBody(request: IncomingMessage): Promise<string | null> {
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) return null
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export async function handleTestClock(
  request: IncomingMessage,
  response: ServerResponse,
  control: TestClockControl | null,
): Promise<void> {
  if (control === null) return reply(response, 404, { error: 'Not Found' })
  if (request.method !== 'POST') return reply(response, 405, { error: 'Method Not Allowed' })
  const refusal = refuseForeignIpcCall(request.headers)
  if (refusal !== null) return reply(response, refusal.status, { error: refusal.reason })
  const text = await readSmallBody(request)
  let advanceMs: unknown
  try {
    advanceMs = text === null ? undefined : (JSON.parse(text) as { advanceMs?: unknown }).advanceMs
  } catch {
    advanceMs = undefined
  }
  if (typeof advanceMs !== 'number' || !Number.isInteger(advanceMs) || advanceMs < 0)
    return reply(response, 400, { error: 'advanceMs must be a non-negative integer' })
  const now = await control.advance(advanceMs)
  reply(response, 200, { now: now.toISOString() })
}
