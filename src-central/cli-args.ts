/**
 * Command line of the central service:
 *   central [--port N] [--data DIR]                      serve on 127.0.0.1 (defaults 4410, ./central-data)
 *   central --issue-token KIOSK_ID --schools 12001,99301 print a new device token and exit
 *   central --revoke KIOSK_ID                             revoke a kiosk's token and exit
 * CENTRAL_PORT and CENTRAL_DATA_DIR stand in for --port and --data.
 */
import { parseArgs } from 'node:util'

export const DEFAULT_CENTRAL_PORT = 4410
export const DEFAULT_CENTRAL_DATA_DIR = './central-data'

export type CentralCommand =
  | { readonly kind: 'serve'; readonly port: number; readonly dataDir: string }
  | { readonly kind: 'issue-token'; readonly dataDir: string; readonly kioskId: string; readonly schoolCodes: string[] }
  | { readonly kind: 'revoke'; readonly dataDir: string; readonly kioskId: string }

export const CENTRAL_USAGE = `usage:
  central [--port N] [--data DIR]
  central --issue-token KIOSK_ID --schools 12001,99301 [--data DIR]
  central --revoke KIOSK_ID [--data DIR]`

export function parseCentralArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): { ok: true; command: CentralCommand } | { ok: false; message: string } {
  let values
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        'issue-token': { type: 'string' },
        schools: { type: 'string' },
        revoke: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
  const dataDir = values.data ?? env.CENTRAL_DATA_DIR ?? DEFAULT_CENTRAL_DATA_DIR

  if (values['issue-token'] !== undefined) {
    const schoolCodes = (values.schools ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '')
    if (schoolCodes.length === 0) return { ok: false, message: '--issue-token needs --schools CODE[,CODE…]' }
    return { ok: true, command: { kind: 'issue-token', dataDir, kioskId: values['issue-token'], schoolCodes } }
  }
  if (values.revoke !== undefined) return { ok: true, command: { kind: 'revoke', dataDir, kioskId: values.revoke } }

  const rawPort = values.port ?? env.CENTRAL_PORT ?? String(DEFAULT_CENTRAL_PORT)
  const port = Number(rawPort)
  if (!/^\d+$/.test(rawPort) || port > 65535) return { ok: false, message: `invalid port: ${rawPort}` }
  return { ok: true, command: { kind: 'serve', port, dataDir } }
}
