/**
 * K1: operators sign in with their own accounts. Five wrong passwords in a row lock the account
 * for 15 minutes; disabled accounts are refused. Every attempt is audited; no password, hash or
 * typed username of an unknown account is ever logged.
 */
import { fail, ok, type Result } from '../../src-shared/domain/result'
import type { OperatorView } from '../../src-shared/ipc/contract'
import { appendAudit, type AuditAction, type AuditEntry, type AuditOutcome } from '../store/audit-repository'
import {
  findOperatorByUsername,
  recordFailedSignIn,
  recordSuccessfulSignIn,
} from '../store/operator-repository'
import type { OperatorRow } from '../store/schema'
import { dummyPasswordHash, verifyPassword } from './password-hash'
import type { ServiceContext } from './service-context'
import { closeOpenVisits } from './visit-closing'

export const MAX_FAILED_SIGN_INS = 5
export const LOCKOUT_MS = 15 * 60 * 1000

export const BAD_CREDENTIALS_MESSAGE = '用户名或密码不正确。'
export const DISABLED_MESSAGE = '该操作员账户已停用，请联系主管。'

function lockedMessage(minutes: number): string {
  return `密码连续输错${MAX_FAILED_SIGN_INS}次，账户已锁定，请${minutes}分钟后重试或联系主管。`
}

export function toOperatorView(row: OperatorRow): OperatorView {
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role }
}

function operatorAudit(at: Date, operatorId: number | null, action: AuditAction, outcome: AuditOutcome, detail?: string): AuditEntry {
  return { at, operatorId, candidateId: null, action, outcome, ...(detail === undefined ? {} : { detail }) }
}

export interface SignInInput {
  readonly username: string
  readonly password: string
}

export async function signIn(ctx: ServiceContext, input: SignInInput): Promise<Result<OperatorView>> {
  const now = ctx.clock()
  const operator = await findOperatorByUsername(ctx.db, input.username)
  if (operator === null) {
    // Same work as a real check, so timing does not tell which usernames exist.
    await verifyPassword(input.password, await dummyPasswordHash())
    await appendAudit(ctx.db, operatorAudit(now, null, 'operator.sign-in', 'failed', 'unknown username'))
    return fail('BAD_CREDENTIALS', BAD_CREDENTIALS_MESSAGE)
  }
  const audit = (outcome: AuditOutcome, detail?: string) => operatorAudit(now, operator.id, 'operator.sign-in', outcome, detail)

  if (operator.disabled === 1) {
    await appendAudit(ctx.db, audit('failed', 'account disabled'))
    return fail('FORBIDDEN', DISABLED_MESSAGE)
  }
  const lockedUntil = operator.locked_until === null ? null : Date.parse(operator.locked_until)
  if (lockedUntil !== null && now.getTime() < lockedUntil) {
    await appendAudit(ctx.db, audit('locked', 'account locked'))
    return fail('LOCKED_OUT', lockedMessage(Math.ceil((lockedUntil - now.getTime()) / 60_000)))
  }

  if (!(await verifyPassword(input.password, operator.password_hash))) {
    // A lock that has run out starts a fresh count.
    const attempts = (lockedUntil === null ? operator.failed_attempts : 0) + 1
    const locks = attempts >= MAX_FAILED_SIGN_INS
    const until = locks ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : null
    await ctx.db.transaction().execute(async (trx) => {
      await recordFailedSignIn(trx, operator.id, attempts, until)
      await appendAudit(trx, audit(locks ? 'locked' : 'failed', `wrong password (${attempts} in a row)`))
    })
    return locks ? fail('LOCKED_OUT', lockedMessage(LOCKOUT_MS / 60_000)) : fail('BAD_CREDENTIALS', BAD_CREDENTIALS_MESSAGE)
  }

  const previous = ctx.desk.operator
  await ctx.db.transaction().execute(async (trx) => {
    if (previous !== null)
      await appendAudit(trx, operatorAudit(now, previous.id, 'operator.sign-out', 'ok', 'replaced by another sign-in'))
    await closeOpenVisits(trx, now, previous?.id ?? null, 'operator signed in')
    await recordSuccessfulSignIn(trx, operator.id)
    await appendAudit(trx, audit('ok'))
  })
  ctx.desk.clear()
  ctx.desk.operator = toOperatorView(operator)
  return ok(ctx.desk.operator)
}

/** Ends the visit in progress and forgets the operator; signing out twice is harmless. */
export async function signOut(ctx: ServiceContext): Promise<Result<Record<string, never>>> {
  const operator = ctx.desk.operator
  if (operator !== null) {
    const now = ctx.clock()
    await ctx.db.transaction().execute(async (trx) => {
      await closeOpenVisits(trx, now, operator.id, 'operator signed out')
      await appendAudit(trx, operatorAudit(now, operator.id, 'operator.sign-out', 'ok'))
    })
  }
  ctx.desk.clear()
  return ok({})
}
