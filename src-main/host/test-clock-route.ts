/**
 * POST /test/clock {"advanceMs": N}: moves the kiosk's test clock forward and runs the
 * clock-driven jobs (B4 expiry, P3 follow-up) at once. POST /test/link {"up": false|true}: cuts
 * or restores the kiosk's link to the central (S4 offline tests: every request fails as if the
 * network were down). For end-to-end tests only: without a test clock (the default) the routes
 * do not exist and answer 404.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TestClockControl } from '../app/test-clock'
import { refuseForeignIpcCall } from './request-guard'

export const TEST_CLOCK_PATH = '/test/clock'
export const TEST_LINK_PATH = '/test/link'
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
  path: string = TEST_CLOCK_PATH,
): Promise<void> {
  if (control === null) return reply(response, 404, { error: 'Not Found' })
  if (request.method !== 'POST') return reply(response, 405, { error: 'Method Not Allowed' })
  const refusal = refuseForeignIpcCall(request.headers)
  if (refusal !== null) return reply(response, refusal.status, { error: refusal.reason })
  const text = await readSmallBody(request)
  if (path === TEST_LINK_PATH) {
    let up: unknown
    try {
      up = text === null ? undefined : (JSON.parse(text) as { up?: unknown }).up
    } catch {
      up = undefined
    }
    if (typeof up !== 'boolean') return reply(response, 400, { error: 'up must be true or false' })
    await control.setCentralLink(up)
    return reply(response, 200, { up })
  }
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
