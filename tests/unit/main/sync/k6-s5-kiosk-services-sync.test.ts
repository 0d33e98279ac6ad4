import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createKioskServices, type KioskServices } from '../../../../src-main/app/kiosk-services'
import { silentLogger } from '../../../../src-main/support/logger'
import { AGREEMENT_VERSION } from '../../../../src-shared/domain/agreement'
import { deskStatusSchema, registrationInfoSchema, type DeskStatus } from '../../../../src-shared/ipc/contract'

const WANG = { idType: '中华人民共和国居民身份证', idNumber: '120104200403151239', name: '王晓明' } as const

describe('S4/S5/K6: the composed kiosk (scheduler jobs) keeps working offline and drains when the link returns', () => {
  let dir: string
  let services: KioskServices
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-sync-'))
    // Demo central in-process; --test-clock gives POST /test/link's switch (services.testClock).
    services = await createKioskServices({ dataDir: dir, centralUrl: null, deviceToken: null, kioskId: 'k-sync', testClock: true }, { logger: silentLogger })
  })
  afterEach(async () => {
    await services.dispose()
    rmSync(dir, { recursive: true, force: true })
  })

  async function ok<T>(name: string, input: unknown): Promise<T> {
    const result = await services.dispatch(name, input)
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`)
    return result.value as T
  }
  const link = async () => deskStatusSchema.parse(await ok<DeskStatus>('getDeskStatus', {})).link

  it('S5: the bar goes 离线 with the link, counts the change waiting; K6 an update waits for it; back online it is delivered', async () => {
    const control = services.testClock!
    await ok('signIn', { username: 'demo', password: 'demo1234' })
    const { visitId } = await ok<{ visitId: string }>('acceptAgreement', { version: AGREEMENT_VERSION, accepted: true })
    expect(await link()).toMatchObject({ mode: 'demo', state: 'online', pendingChanges: 0, syncIssues: 0 })

    await control.setCentralLink(false)
    expect((await link()).state).toBe('offline')
    // S4: the lookup comes from the cached roster; the confirmation is kept as 待同步.
    await ok('lookupEligibility', { visitId, ...WANG })
    const info = registrationInfoSchema.parse(await ok('confirmRegistration', { visitId, phoneConfirmed: true, recordConfirmed: true }))
    expect(info.pendingChanges).toMatchObject([{ action: 'registration.confirm' }])
    expect(await link()).toMatchObject({ state: 'offline', pendingChanges: 1 })
    expect(await services.installReadiness()).toEqual({ candidateBeingServed: true, pendingChanges: 1 })
    expect(await services.dispatch('submitCet6Review', { visitId, ticketNumber: '120010242100101' })).toMatchObject({
      ok: false,
      error: { code: 'OFFLINE_UNAVAILABLE' },
    })

    await control.setCentralLink(true)
    expect(await link()).toMatchObject({ state: 'online', pendingChanges: 0, syncIssues: 0 })
    expect(await services.installReadiness()).toMatchObject({ pendingChanges: 0 })
    const after = registrationInfoSchema.parse(await ok('getRegistrationInfo', { visitId }))
    expect(after.pendingChanges).toEqual([])
  })
})
