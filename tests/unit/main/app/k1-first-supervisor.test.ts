/**
 * K1: a kiosk configured against a real central has no demo accounts; its first supervisor comes
 * from KIOSK_FIRST_SUPERVISOR / KIOSK_FIRST_SUPERVISOR_PASSWORD on a start with no account.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readKioskConfig } from '../../../../src-main/app/kiosk-config'
import { createKioskServices, type KioskServices } from '../../../../src-main/app/kiosk-services'
import { readFirstSupervisor } from '../../../../src-main/services/first-supervisor'
import { silentLogger } from '../../../../src-main/support/logger'

const UNREACHABLE = ['--central', 'http://127.0.0.1:9', '--token', 't', '--kiosk-id', 'k1']
const ENV = { KIOSK_FIRST_SUPERVISOR: 'chief', KIOSK_FIRST_SUPERVISOR_PASSWORD: 'first start 1' }

describe('K1: the first supervisor of a configured kiosk', () => {
  const dirs: string[] = []
  const running: KioskServices[] = []
  afterEach(async () => {
    for (const s of running.splice(0)) await s.dispose()
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
  })

  async function start(dataDir: string, env: Record<string, string>): Promise<KioskServices> {
    const services = await createKioskServices(readKioskConfig([...UNREACHABLE, '--data', dataDir], env, { dataDir }), { logger: silentLogger })
    running.push(services)
    return services
  }

  it('K1: is created from the environment on a start with no account, audited, and can sign in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'first-supervisor-'))
    dirs.push(dir)
    const services = await start(dir, ENV)
    expect(await services.dispatch('signIn', { username: 'chief', password: 'first start 1' })).toMatchObject({
      ok: true,
      value: { username: 'chief', role: 'supervisor' },
    })
    const audit = await services.dispatch('listAuditLog', { action: 'operator.create' })
    expect(JSON.stringify(audit)).toContain('first supervisor')
  })

  it('K1: once an account exists the variables change nothing (no second account, password unchanged)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'first-supervisor-'))
    dirs.push(dir)
    await (await start(dir, ENV)).dispose()
    running.splice(0)
    const again = await start(dir, { KIOSK_FIRST_SUPERVISOR: 'other', KIOSK_FIRST_SUPERVISOR_PASSWORD: 'another pass 2' })
    expect(await again.dispatch('signIn', { username: 'other', password: 'another pass 2' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_CREDENTIALS' },
    })
    expect(await again.dispatch('signIn', { username: 'chief', password: 'first start 1' })).toMatchObject({ ok: true })
  })

  it('K1: without the variables nobody can sign in (no well-known demo passwords)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'first-supervisor-'))
    dirs.push(dir)
    const services = await start(dir, {})
    expect(await services.dispatch('signIn', { username: 'admin', password: 'admin1234' })).toMatchObject({ ok: false })
  })

  it('K1: bad or half-set variables are refused with a specific start-up message', () => {
    expect(readFirstSupervisor({})).toBeNull()
    expect(() => readFirstSupervisor({ KIOSK_FIRST_SUPERVISOR: 'chief' })).toThrow(/must be set together/)
    expect(() => readFirstSupervisor({ KIOSK_FIRST_SUPERVISOR: 'c h', KIOSK_FIRST_SUPERVISOR_PASSWORD: 'long enough' })).toThrow(/letters, digits/)
    expect(() => readFirstSupervisor({ KIOSK_FIRST_SUPERVISOR: 'chief', KIOSK_FIRST_SUPERVISOR_PASSWORD: 'short' })).toThrow(/at least 8/)
  })
})
