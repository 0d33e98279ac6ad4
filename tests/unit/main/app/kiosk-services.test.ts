import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startCentralServer } from '../../../../src-central/server'
import { AGREEMENT_VERSION } from '../../../../src-shared/domain/agreement'
import { deskStatusSchema, operations, registrationInfoSchema } from '../../../../src-shared/ipc/contract'
import type { KioskConfig } from '../../../../src-main/app/kiosk-config'
import { createKioskServices, type KioskServices } from '../../../../src-main/app/kiosk-services'
import { silentLogger } from '../../../../src-main/support/logger'

const WANG = { idType: '中华人民共和国居民身份证', idNumber: '120104200403151239', name: '王晓明' } as const
const LANG = { idType: '护照', idNumber: '99301000037', name: '郎璐依珊' } as const

describe('createKioskServices', () => {
  const dirs: string[] = []
  const running: KioskServices[] = []
  afterEach(async () => {
    for (const s of running.splice(0)) await s.dispose()
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
  })

  function tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-services-'))
    dirs.push(dir)
    return dir
  }

  async function start(config: KioskConfig): Promise<KioskServices> {
    const services = await createKioskServices(config, { logger: silentLogger })
    running.push(services)
    return services
  }

  async function ok<T = unknown>(services: KioskServices, name: string, input: unknown): Promise<T> {
    const result = await services.dispatch(name, input)
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`)
    return result.value as T
  }

  it('K7: demo mode starts the built-in central, syncs, seeds demo operators and serves the whole flow', async () => {
    const dataDir = tempDir()
    const services = await start({ dataDir, centralUrl: null, deviceToken: null, kioskId: 'test-kiosk' })
    expect(existsSync(join(dataDir, 'kiosk.sqlite'))).toBe(true)
    expect(existsSync(join(dataDir, 'demo-central.sqlite'))).toBe(true)

    const status = deskStatusSchema.parse(await ok(services, 'getDeskStatus', {}))
    expect(status.link).toMatchObject({ mode: 'demo', state: 'online', pendingChanges: 0 })
    expect(status.link.lastSyncAt).not.toBeNull()
    expect(status.examSession?.name).toBe('2026下半年CET考试')

    expect(await ok(services, 'signIn', { username: 'admin', password: 'admin1234' })).toMatchObject({ role: 'supervisor', displayName: '演示主管' })
    expect(await ok(services, 'signIn', { username: 'demo', password: 'demo1234' })).toMatchObject({ role: 'operator', displayName: '演示操作员' })
    const { visitId } = await ok<{ visitId: string }>(services, 'acceptAgreement', { version: AGREEMENT_VERSION, accepted: true })
    const candidate = await ok(services, 'lookupEligibility', { visitId, ...WANG })
    expect(operations.lookupEligibility.output.parse(candidate)).toMatchObject({ school: { name: '南开大学' }, confirmedAt: null })
    const info = registrationInfoSchema.parse(await ok(services, 'confirmRegistration', { visitId, phoneConfirmed: true, recordConfirmed: true }))
    expect(info.candidate.confirmedAt).not.toBeNull()
    expect(info.announcements.map((a) => a.issuer)).toEqual(expect.arrayContaining(['(12)天津市', '(12001)南开大学']))
    expect(info.announcements.map((a) => a.issuer)).not.toContain('(99)测试省')
    await ok(services, 'endVisit', { visitId })
  })

  it('keeps its store across restarts: operators seeded once, a confirmation stays locked', async () => {
    const dataDir = tempDir()
    const config: KioskConfig = { dataDir, centralUrl: null, deviceToken: null, kioskId: 'test-kiosk' }
    const first = await start(config)
    await ok(first, 'signIn', { username: 'demo', password: 'demo1234' })
    const v1 = await ok<{ visitId: string }>(first, 'acceptAgreement', { version: AGREEMENT_VERSION, accepted: true })
    await ok(first, 'lookupEligibility', { visitId: v1.visitId, ...LANG })
    const confirmed = registrationInfoSchema.parse(
      await ok(first, 'confirmRegistration', { visitId: v1.visitId, phoneConfirmed: true, recordConfirmed: true }),
    )
    expect(confirmed.announcements.map((a) => a.issuer)).toEqual(['(99)测试省'])
    await first.dispose()
    expect(await first.dispatch('getDeskStatus', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })

    const second = await start(config)
    expect(await ok(second, 'getDeskStatus', {})).toMatchObject({ operator: null })
    await ok(second, 'signIn', { username: 'demo', password: 'demo1234' })
    const v2 = await ok<{ visitId: string }>(second, 'acceptAgreement', { version: AGREEMENT_VERSION, accepted: true })
    expect(await ok(second, 'lookupEligibility', { visitId: v2.visitId, ...LANG })).toMatchObject({ confirmedAt: confirmed.candidate.confirmedAt })
  })

  it('S4: an unreachable central does not fail start-up; the desk shows offline; no demo accounts', async () => {
    const services = await start({ dataDir: tempDir(), centralUrl: 'http://127.0.0.1:9', deviceToken: 't', kioskId: 'k' })
    expect(await ok(services, 'getDeskStatus', {})).toMatchObject({
      operator: null,
      examSession: null,
      link: { mode: 'central', state: 'offline', lastSyncAt: null, pendingChanges: 0 },
    })
    expect(await services.dispatch('signIn', { username: 'demo', password: 'demo1234' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_CREDENTIALS' },
    })
  })

  it('a configured central is reached over HTTP with the device token, scoped to its schools', async () => {
    const central = await startCentralServer({ dbPath: ':memory:', port: 0 })
    try {
      const token = central.issueDeviceToken('nk-01', ['12001'])
      const services = await start({ dataDir: tempDir(), centralUrl: central.url, deviceToken: token, kioskId: 'nk-01' })
      expect(await ok(services, 'getDeskStatus', {})).toMatchObject({ link: { mode: 'central', state: 'online' } })
      await services.dispose()
    } finally {
      await central.close()
    }
  })
})
