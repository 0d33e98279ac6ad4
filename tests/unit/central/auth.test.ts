import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openCentralDatabase } from '../../../src-central/database'
import { hashToken } from '../../../src-central/devices'
import { call, expectAnswer, expectError, startHarness, type Harness } from './central-harness'

describe('central device authentication', () => {
  let h: Harness
  afterEach(async () => {
    await h.central.close()
  })

  it('S1: a request without a bearer token is refused with 401', async () => {
    h = await startHarness()
    const error = expectError(await call(h, '/v1/exam-session', { token: null }), 401, 'UNAUTHORIZED')
    expect(error.message).toContain('设备令牌')
  })

  it('S1: an unknown token is refused with 401', async () => {
    h = await startHarness()
    expectError(await call(h, '/v1/catalog', { token: 'not-a-real-token' }), 401, 'UNAUTHORIZED')
  })

  it('S1: a revoked token is refused with 401, and a re-issued token works again', async () => {
    h = await startHarness()
    expectAnswer(await call(h, '/v1/exam-session', { token: h.nankaiToken }), 'getExamSession')
    h.central.revokeDevice('K-NANKAI')
    const error = expectError(await call(h, '/v1/exam-session', { token: h.nankaiToken }), 401, 'UNAUTHORIZED')
    expect(error.message).toContain('停用')
    const fresh = h.central.issueDeviceToken('K-NANKAI', ['12001'])
    expectAnswer(await call(h, '/v1/exam-session', { token: fresh }), 'getExamSession')
    // The old token stays dead: re-issuing replaces it.
    expectError(await call(h, '/v1/exam-session', { token: h.nankaiToken }), 401, 'UNAUTHORIZED')
  })

  it('S1: auth is checked before routing, and unknown endpoints are 404', async () => {
    h = await startHarness()
    expectError(await call(h, '/v1/no-such-thing', { token: null }), 401, 'UNAUTHORIZED')
    expectError(await call(h, '/v1/no-such-thing'), 404, 'NOT_FOUND')
    expectError(await call(h, '/elsewhere'), 404, 'NOT_FOUND')
  })

  it('tokens are stored only as sha256 hashes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'central-auth-'))
    try {
      const dbPath = join(dir, 'central.sqlite')
      h = await startHarness({ dbPath })
      await h.central.close()
      const { db } = openCentralDatabase(dbPath)
      const rows = db.prepare('SELECT kiosk_id, token_hash FROM devices ORDER BY kiosk_id').all()
      db.close()
      expect(rows).toEqual([
        { kiosk_id: 'K-BOTH', token_hash: hashToken(h.bothToken) },
        { kiosk_id: 'K-NANKAI', token_hash: hashToken(h.nankaiToken) },
      ])
      expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
      h = await startHarness() // afterEach closes this one
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
