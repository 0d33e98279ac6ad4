/**
 * Command line of the headless host. Only `--port` is the host's own; everything else
 * (--data, --central, --token, --kiosk-id) goes on to readKioskConfig untouched.
 */
export const DEFAULT_HOST_PORT = 4173

export interface HostCliOptions {
  readonly port: number
  /** argv without the host's own flags, for readKioskConfig. */
  readonly kioskArgv: readonly string[]
}

export function parsePort(text: string): number {
  const port = Number(text)
  if (!/^\d+$/.test(text) || port > 65535) throw new Error(`Not a port number: ${text}`)
  return port
}

export function readHostCliOptions(argv: readonly string[], env: Record<string, string | undefined>): HostCliOptions {
  let port = env.KIOSK_PORT ? parsePort(env.KIOSK_PORT) : DEFAULT_HOST_PORT
  const kioskArgv: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--port') {
      const value = argv[++i]
      if (value === undefined) throw new Error('--port needs a value')
      port = parsePort(value)
    } else if (arg.startsWith('--port=')) {
      port = parsePort(arg.slice('--port='.length))
    } else {
      kioskArgv.push(arg)
    }
  }
  return { port, kioskArgv }
}
