/**
 * K6 through the renderer's API: getUpdateStatus answers what the shell's updater reports (the
 * headless host has none), and installReadiness tells the updater when a candidate is at the desk.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AGREEMENT_VERSION } from '../../../src-shared/domain/agreement'
import { operations } from '../../../src-shared/ipc/contract'
import { UPDATES_DISABLED, type UpdateStatus } from '../../../src-shared/ipc/update-status'
import { createKioskServices, type KioskServices } from '../../../src-main/app/kiosk-services'
import { silentLogger } from '../../../src-main/support/logger'

const dirs: string[] = []
const running: KioskServices[] = []
afterEach(async () => {
  for (const s of running.splice(0)) await s.dispose()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

async function start(updateStatus?: () => UpdateStatus): Promise<KioskServices> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-update-status-'))
  dirs.push(dataDir)
  const services = await createKioskServices(
    { dataDir, centralUrl: null, deviceToken: null, kioskId: 'test-kiosk' },
    { logger: silentLogger, ...(updateStatus === undefined ? {} : { updateStatus }) },
  )
  running.push(services)
  return services
}

describe('update status and install readiness (K6)', () => {
  it('K6: getUpdateStatus reports the shell updater’s state, and "disabled" without one', async () => {
    const ready: UpdateStatus = {
      state: 'ready',
      version: '1.1.0',
      percent: 100,
      waitingFor: 'candidate',
      message: '新版本 1.1.0 已下载，当前考生办理完成后自动安装。',
    }
    const withUpdater = await start(() => ready)
    const answer = await withUpdater.dispatch('getUpdateStatus', {})
    expect(answer).toEqual({ ok: true, value: ready })
    expect(operations.getUpdateStatus.output.parse((answer as { value: unknown }).value)).toEqual(ready)

    const headless = await start()
    expect(await headless.dispatch('getUpdateStatus', {})).toEqual({ ok: true, value: UPDATES_DISABLED })
  })

  it('K6: a candidate at the desk holds an install back until the visit ends', async () => {
    const services = await start()
    expect(await services.installReadiness()).toEqual({ candidateBeingServed: false, pendingChanges: 0 })
    const signedIn = await services.dispatch('signIn', { username: 'demo', password: 'demo1234' })
    expect(signedIn.ok).toBe(true)
    const accepted = await services.dispatch('acceptAgreement', { version: AGREEMENT_VERSION, accepted: true })
    if (!accepted.ok) throw new Error(accepted.error.message)
    expect(await services.installReadiness()).toMatchObject({ candidateBeingServed: true })
    const { visitId } = accepted.value as { visitId: string }
    expect((await services.dispatch('endVisit', { visitId })).ok).toBe(true)
    expect(await services.installReadiness()).toMatchObject({ candidateBeingServed: false })
  })
})
