/** Reading a request body under a size limit and writing a JSON reply, over node:http. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { HttpReply } from './reply'

export const MAX_BODY_BYTES = 1024 * 1024

export type BodyRead = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: 'too-large' }

/**
 * Reads the whole body as UTF-8. An oversized body is drained (not kept) so the client still
 * receives the 413 answer; a sender that goes on far beyond the limit is cut off.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyRead> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const declared = Number(req.headers['content-length'] ?? 0)
    let tooLarge = declared > limit
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) tooLarge = true
      if (size > limit * 16) req.destroy()
      else if (!tooLarge) chunks.push(chunk)
    })
    req.on('end', () => resolve(tooLarge ? { ok: false, reason: 'too-large' } : { ok: true, text: Buffer.concat(chunks).toString('utf8') }))
    req.on('error', reject)
  })
}

export function writeReply(res: ServerResponse, reply: HttpReply): void {
  const body = Buffer.from(reply.body, 'utf8')
  res.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': body.length,
    'cache-control': 'no-store',
    ...reply.headers,
  })
  res.end(body)
}
