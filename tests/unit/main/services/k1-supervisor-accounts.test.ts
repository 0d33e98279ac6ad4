import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listAudit } from '../../../../src-main/store/audit-repository'
import { createScriptedCentral } from '../support/scripted-central'
import { createTestKiosk, OPERATOR, SUPERVISOR, type TestKiosk } from '../support/test-kiosk'

const FORBIDDEN = { ok: false, error: { code: 'FORBIDDEN', message: '只有主管可以进行此操作，请联系主管。' } }
const NEW_ACCOUNT = { username: 'wu', displayName: '吴老师', role: 'operator', password: 'first password 1' } as const

describe('K1 operator accounts (操作员管理, supervisor only)', () => {
  let kiosk: TestKiosk
  beforeEach(async () => {
    kiosk = await createTestKiosk(createScriptedCentral().transport)
  })
  afterEach(() => kiosk.close())

  const signIn = (who: { username: string; password: string }) => kiosk.dispatch('signIn', { username: who.username, password: who.password })
  async function asSupervisor(): Promise<void> {
    expect(await signIn(SUPERVISOR)).toMatchObject({ ok: true })
  }

  it.each([
    ['listOperators', {}],
    ['createOperator', NEW_ACCOUNT],
    ['setOperatorDisabled', { operatorId: 1, disabled: true }],
    ['resetOperatorPassword', { operatorId: 1, password: 'another password' }],
    ['listAuditLog', {}],
    ['exportAuditLog', {}],
  ])('K1: %s is refused to an operator with FORBIDDEN and changes nothing', async (name, input) => {
    expect(await signIn(OPERATOR)).toMatchObject({ ok: true })
    const before = kiosk.store.sqlite.prepare('SELECT * FROM operators').all()
    expect(await kiosk.dispatch(name, input)).toEqual(FORBIDDEN)
    expect(kiosk.store.sqlite.prepare('SELECT * FROM operators').all()).toEqual(before)
  })

  it('K1: nobody signed in is told to sign in', async () => {
    expect(await kiosk.dispatch('listOperators', {})).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } })
  })

  it('K1: a supervisor creates an operator, hashed with scrypt, audited; the new account signs in', async () => {
    await asSupervisor()
    const created = await kiosk.dispatch('createOperator', NEW_ACCOUNT)
    expect(created).toMatchObject({ ok: true, value: { username: 'wu', displayName: '吴老师', role: 'operator', disabled: false, lockedUntil: null } })
    const row = kiosk.store.sqlite.prepare("SELECT password_hash FROM operators WHERE username = 'wu'").get() as { password_hash: string }
    expect(row.password_hash).toMatch(/^scrypt\$/)
    expect(row.password_hash).not.toContain(NEW_ACCOUNT.password)
    expect((await listAudit(kiosk.store.db)).at(-1)).toMatchObject({ action: 'operator.create', outcome: 'ok', operator_id: kiosk.supervisorId })
    expect(JSON.stringify(await listAudit(kiosk.store.db))).not.toContain(NEW_ACCOUNT.password)
    expect(await signIn(NEW_ACCOUNT)).toMatchObject({ ok: true, value: { username: 'wu' } })
  })

  it('K1: a username already taken is refused in one sentence', async () => {
    await asSupervisor()
    expect(await kiosk.dispatch('createOperator', { ...NEW_ACCOUNT, username: OPERATOR.username })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '该用户名已被使用，请换一个用户名。' },
    })
  })

  it('K1: a password shorter than 8 characters is refused by the contract', async () => {
    await asSupervisor()
    expect(await kiosk.dispatch('createOperator', { ...NEW_ACCOUNT, password: 'short' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('K1: a disabled operator cannot sign in until enabled again; both changes are audited', async () => {
    await asSupervisor()
    expect(await kiosk.dispatch('setOperatorDisabled', { operatorId: kiosk.operatorId, disabled: true })).toMatchObject({ ok: true, value: { disabled: true } })
    expect(await signIn(OPERATOR)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '该操作员账户已停用，请联系主管。' } })
    await asSupervisor()
    expect(await kiosk.dispatch('setOperatorDisabled', { operatorId: kiosk.operatorId, disabled: false })).toMatchObject({ ok: true, value: { disabled: false } })
    expect(await signIn(OPERATOR)).toMatchObject({ ok: true })
    const actions = (await listAudit(kiosk.store.db)).map((e) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['operator.disable', 'operator.enable']))
  })

  it('K1: a supervisor cannot disable their own account (so an enabled supervisor always remains)', async () => {
    await asSupervisor()
    expect(await kiosk.dispatch('setOperatorDisabled', { operatorId: kiosk.supervisorId, disabled: true })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '不能停用当前登录的账户。' },
    })
  })

  it('K1: resetting a password replaces the hash and lifts a lockout', async () => {
    for (let i = 0; i < 5; i++) await signIn({ username: OPERATOR.username, password: 'wrong' })
    expect(await signIn(OPERATOR)).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } })
    await asSupervisor()
    const reset = await kiosk.dispatch('resetOperatorPassword', { operatorId: kiosk.operatorId, password: 'fresh password 9' })
    expect(reset).toMatchObject({ ok: true, value: { lockedUntil: null } })
    expect(await signIn(OPERATOR)).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } })
    expect(await signIn({ username: OPERATOR.username, password: 'fresh password 9' })).toMatchObject({ ok: true })
    expect((await listAudit(kiosk.store.db)).some((e) => e.action === 'operator.password-reset' && e.operator_id === kiosk.supervisorId)).toBe(true)
  })

  it('K1: an unknown account is NOT_FOUND', async () => {
    await asSupervisor()
    expect(await kiosk.dispatch('setOperatorDisabled', { operatorId: 999, disabled: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('K1: the list shows every account without any hash', async () => {
    await asSupervisor()
    const listed = await kiosk.dispatch('listOperators', {})
    expect(listed).toMatchObject({ ok: true, value: [{ username: OPERATOR.username }, { username: SUPERVISOR.username, role: 'supervisor' }] })
    expect(JSON.stringify(listed)).not.toContain('scrypt')
  })
})
