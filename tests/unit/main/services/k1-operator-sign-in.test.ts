import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LOCKOUT_MS, MAX_FAILED_SIGN_INS } from '../../../../src-main/services/operator-sign-in'
import { hashPassword, verifyPassword } from '../../../../src-main/services/password-hash'
import { listAudit } from '../../../../src-main/store/audit-repository'
import { findOperatorByUsername } from '../../../../src-main/store/operator-repository'
import { createScriptedCentral } from '../support/scripted-central'
import { createTestKiosk, OPERATOR, startVisit, type TestKiosk } from '../support/test-kiosk'

describe('K1 operator sign-in', () => {
  let kiosk: TestKiosk
  beforeEach(async () => {
    kiosk = await createTestKiosk(createScriptedCentral().transport)
  })
  afterEach(() => kiosk.close())

  const signIn = (password: string, username: string = OPERATOR.username) => kiosk.dispatch('signIn', { username, password })

  it('K1: signs in with the right password and audits it', async () => {
    expect(await signIn(OPERATOR.password)).toEqual({
      ok: true,
      value: { id: kiosk.operatorId, username: 'zhang', displayName: '张老师', role: 'operator' },
    })
    const audit = await listAudit(kiosk.store.db)
    expect(audit.at(-1)).toMatchObject({ action: 'operator.sign-in', outcome: 'ok', operator_id: kiosk.operatorId })
  })

  it('K1: a bad password is refused with one sentence, counted and audited without the password', async () => {
    expect(await signIn('wrong-password')).toEqual({ ok: false, error: { code: 'BAD_CREDENTIALS', message: '用户名或密码不正确。' } })
    expect((await findOperatorByUsername(kiosk.store.db, 'zhang'))?.failed_attempts).toBe(1)
    const audit = await listAudit(kiosk.store.db)
    expect(audit.at(-1)).toMatchObject({ action: 'operator.sign-in', outcome: 'failed', operator_id: kiosk.operatorId })
    expect(JSON.stringify(audit)).not.toContain('wrong-password')
  })

  it('K1: an unknown username gets the same answer and is not written down', async () => {
    expect(await signIn('whatever', 'nobody-here')).toEqual({ ok: false, error: { code: 'BAD_CREDENTIALS', message: '用户名或密码不正确。' } })
    const audit = await listAudit(kiosk.store.db)
    expect(audit.at(-1)).toMatchObject({ outcome: 'failed', operator_id: null })
    expect(JSON.stringify(audit)).not.toMatch(/nobody-here|whatever/)
  })

  it(`K1: ${MAX_FAILED_SIGN_INS} failures lock the account for 15 minutes, even against the right password`, async () => {
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) expect((await signIn(`bad-${i}`)).ok).toBe(false)
    const fifth = await signIn('bad-5')
    expect(fifth).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } })
    expect(fifth.ok ? '' : fifth.error.message).toContain('15分钟')

    expect(await signIn(OPERATOR.password)).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } })
    kiosk.clock.advance(LOCKOUT_MS - 60_000)
    expect(await signIn(OPERATOR.password)).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } })
    kiosk.clock.advance(60_000)
    expect(await signIn(OPERATOR.password)).toMatchObject({ ok: true })
    const row = await findOperatorByUsername(kiosk.store.db, 'zhang')
    expect(row).toMatchObject({ failed_attempts: 0, locked_until: null })
  })

  it('K1: a lock that ran out starts a fresh count', async () => {
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await signIn('bad')
    kiosk.clock.advance(LOCKOUT_MS)
    expect(await signIn('bad')).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } })
  })

  it('K1: a disabled operator is refused', async () => {
    kiosk.store.sqlite.prepare('UPDATE operators SET disabled = 1').run()
    expect(await signIn(OPERATOR.password)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '该操作员账户已停用，请联系主管。' } })
  })

  it('K1: signing out ends the visit in progress and is audited', async () => {
    await startVisit(kiosk)
    expect(await kiosk.dispatch('signOut', {})).toEqual({ ok: true, value: {} })
    expect(kiosk.store.sqlite.prepare('SELECT count(*) AS n FROM visits WHERE ended_at IS NULL').get()).toEqual({ n: 0 })
    const actions = (await listAudit(kiosk.store.db)).map((a) => a.action)
    expect(actions.slice(-2)).toEqual(['visit.end', 'operator.sign-out'])
    expect((await kiosk.dispatch('getDeskStatus', {})) as { value: { operator: unknown } }).toMatchObject({ value: { operator: null } })
  })
})

describe('K1 password hashing', () => {
  it('K1: stores a salted, self-describing scrypt hash, never the password', async () => {
    const a = await hashPassword('demo1234')
    const b = await hashPassword('demo1234')
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    expect(a).not.toContain('demo1234')
    expect(a).not.toBe(b)
    expect(await verifyPassword('demo1234', a)).toBe(true)
    expect(await verifyPassword('demo1235', a)).toBe(false)
    expect(await verifyPassword('demo1234', 'plain:demo1234')).toBe(false)
    expect(await verifyPassword('demo1234', a.replace(/\$[^$]+$/, '$AAAA'))).toBe(false)
  })

  it('K1: the stored hash in the operators table is not the password', async () => {
    const kiosk = await createTestKiosk(createScriptedCentral().transport)
    const row = await findOperatorByUsername(kiosk.store.db, OPERATOR.username)
    expect(row?.password_hash.startsWith('scrypt$')).toBe(true)
    expect(row?.password_hash).not.toContain(OPERATOR.password)
    await kiosk.close()
  })
})
