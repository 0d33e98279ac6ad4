/**
 * K3 end to end: a full flow for every demo candidate through dispatch (as the renderer calls
 * it), then the raw bytes of the kiosk's database files and every log line are searched for
 * the demo ID numbers and phones. Neither may hold one in clear.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ROSTER } from '../../../../src-central/demo-data'
import { normaliseIdNumber } from '../../../../src-shared/domain/id-documents'
import { AGREEMENT_VERSION } from '../../../../src-shared/domain/agreement'
import { createKioskServices, KIOSK_DB_FILE, type KioskServices } from '../../../../src-main/app/kiosk-services'
import { createLogger } from '../../../../src-main/support/logger'

const SECRETS = DEMO_ROSTER.flatMap((r) => [r.idNumber, normaliseIdNumber(r.idNumber), r.phone])

describe('K3: no ID number or phone in clear, at rest or in the logs, after a full flow', () => {
  let dataDir: string
  let services: KioskServices
  const lines: string[] = []
  const revealed: string[] = []

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-k3-flow-'))
    const logger = createLogger({ write: (line: string) => void lines.push(line) })
    services = await createKioskServices({ dataDir, centralUrl: null, deviceToken: null, kioskId: 'k3-kiosk' }, { logger })
    const call = async (name: string, input: unknown) => {
      const result = await services.dispatch(name, input)
      return result.ok ? (result.value as Record<string, unknown>) : null
    }
    await call('signIn', { username: 'demo', password: 'demo1234' })
    for (const record of DEMO_ROSTER) {
      const { visitId } = (await call('acceptAgreement', { version: AGREEMENT_VERSION, accepted: true })) as { visitId: string }
      // A wrong name first (not found), then the right one.
      await call('lookupEligibility', { visitId, idType: record.idType, idNumber: record.idNumber, name: '无此人' })
      const candidate = await call('lookupEligibility', { visitId, idType: record.idType, idNumber: record.idNumber, name: record.name })
      expect(candidate, record.name).not.toBeNull()
      expect(JSON.stringify(candidate)).not.toContain(record.phone)
      await call('confirmRegistration', { visitId, phoneConfirmed: true, recordConfirmed: true })
      await call('getRegistrationInfo', { visitId })
      for (const field of ['idNumber', 'phone'] as const) {
        const shown = await call('revealCandidateField', { visitId, field })
        revealed.push(String(shown?.value))
      }
      await call('endVisit', { visitId })
    }
    await call('signOut', {})
    await services.dispose()
  }, 60_000)
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('the flow really handled the values: each reveal gave the full number and phone', () => {
    expect(revealed).toEqual(DEMO_ROSTER.flatMap((r) => [normaliseIdNumber(r.idNumber), r.phone]))
  })

  it('K3: the raw kiosk database file and its WAL contain no demo ID number or phone', () => {
    const files = [KIOSK_DB_FILE, `${KIOSK_DB_FILE}-wal`].map((f) => join(dataDir, f)).filter((f) => existsSync(f))
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) {
      const bytes = readFileSync(file)
      for (const secret of SECRETS) expect(bytes.includes(Buffer.from(secret)), `${secret} in ${file}`).toBe(false)
    }
    // The roster really is there, only protected.
    expect(readFileSync(join(dataDir, KIOSK_DB_FILE)).includes(Buffer.from('王晓明'))).toBe(true)
  })

  it('K3: no log line of the flow contains a demo ID number or phone', () => {
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) for (const secret of SECRETS) expect(line.includes(secret), line).toBe(false)
  })
})
