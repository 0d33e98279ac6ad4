/** A static update server on 127.0.0.1 for the updater tests: a feed (latest-linux.yml) and files. */
import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Release {
  readonly version: string
  /** The bytes the feed's sha512 and size describe. */
  readonly file: Buffer
  /** The bytes actually served (a tampered copy, say); defaults to `file`. */
  readonly served?: Buffer
  readonly stagingPercentage?: number
  /** Cut the connection after this many bytes, for this many requests. */
  readonly cutAfterBytes?: { readonly bytes: number; readonly times: number }
}

export const PACKAGE_NAME = 'cet-kiosk_x.deb'

export function feedFor(release: Release): string {
  const sha512 = createHash('sha512').update(release.file).digest('base64')
  return [
    `version: ${release.version}`,
    'files:',
    `  - url: ${PACKAGE_NAME}`,
    `    sha512: ${sha512}`,
    `    size: ${release.file.length}`,
    `path: ${PACKAGE_NAME}`,
    `sha512: ${sha512}`,
    ...(release.stagingPercentage === undefined ? [] : [`stagingPercentage: ${release.stagingPercentage}`]),
    "releaseDate: '2026-11-20T08:00:00.000Z'",
    '',
  ].join('\n')
}

export interface UpdateServer {
  readonly url: string
  /** Paths requested, in order. */
  readonly requests: string[]
  publish(release: Release): void
  close(): Promise<void>
}

export async function startUpdateServer(): Promise<UpdateServer> {
  let release: Release | null = null
  let cutsLeft = 0
  const requests: string[] = []
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    requests.push(path)
    if (release === null) return void res.writeHead(404).end()
    if (/^\/latest-linux[\w-]*\.yml$/.test(path)) {
      return void res.writeHead(200, { 'Content-Type': 'text/yaml' }).end(feedFor(release))
    }
    if (path === `/${PACKAGE_NAME}`) {
      const body = release.served ?? release.file
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length })
      if (release.cutAfterBytes !== undefined && cutsLeft > 0) {
        cutsLeft--
        res.write(body.subarray(0, release.cutAfterBytes.bytes), () => res.destroy())
        return
      }
      return void res.end(body)
    }
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    publish(next) {
      release = next
      cutsLeft = next.cutAfterBytes?.times ?? 0
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
