/**
 * K1, supervisor only (操作员管理): list operator accounts, create one, disable or enable it,
 * reset its password (which also lifts a lockout). Every change is audited with the supervisor
 * as operator and the account in the detail; no password or hash is ever logged or returned.
 */
import { fail, ok, type Result } from '../../src-shared/domain/result'
import type { OperatorAccount } from '../../src-shared/ipc/contract'
import { appendAudit, type AuditAction } from '../store/audit-repository'
import {
  findOperatorById,
  findOperatorByUsername,
  listOperatorRows,
  setOperatorDisabled as storeDisabled,
  setOperatorPassword,
} from '../store/operator-repository'
import type { OperatorRow } from '../store/schema'
import { createOperator as insertAccount, type NewOperatorAccount } from './operator-accounts'
import { hashPassword } from './password-hash'
import type { ServiceContext } from './service-context'
import { requireSupervisor } from './supervisor-guard'

export const USERNAME_TAKEN_MESSAGE = '该用户名已被使用，请换一个用户名。'
export const NO_SUCH_OPERATOR_MESSAGE = '未找到该操作员账户，请刷新后重试。'
export const SELF_DISABLE_MESSAGE = '不能停用当前登录的账户。'

export function toOperatorAccount(row: OperatorRow): OperatorAccount {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled === 1,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
  }
}

export async function listOperators(ctx: ServiceContext): Promise<Result<OperatorAccount[]>> {
  const supervisor = requireSupervisor(ctx.desk)
  if (!supervisor.ok) return supervisor
  return ok((await listOperatorRows(ctx.db)).map(toOperatorAccount))
}

async function audited(ctx: ServiceContext, actorId: number, action: AuditAction, target: OperatorRow): Promise<void> {
  await appendAudit(ctx.db, {
    at: ctx.clock(),
    operatorId: actorId,
    candidateId: null,
    action,
    outcome: 'ok',
    detail: `account ${target.id} (${target.username})`,
  })
}

export async function createOperatorAccount(ctx: ServiceContext, input: NewOperatorAccount): Promise<Result<OperatorAccount>> {
  const supervisor = requireSupervisor(ctx.desk)
  if (!supervisor.ok) return supervisor
  if ((await findOperatorByUsername(ctx.db, input.username)) !== null) return fail('CONFLICT', USERNAME_TAKEN_MESSAGE)
  const id = await ctx.db.transaction().execute(async (trx) => {
    const created = await insertAccount(trx, ctx.clock, input)
    await appendAudit(trx, {
      at: ctx.clock(),
      operatorId: supervisor.value.id,
      candidateId: null,
      action: 'operator.create',
      outcome: 'ok',
      detail: `account ${created} (${input.username}, ${input.role})`,
    })
    return created
  })
  return ok(toOperatorAccount((await findOperatorById(ctx.db, id))!))
}

export async function setOperatorDisabled(
  ctx: ServiceContext,
  input: { operatorId: number; disabled: boolean },
): Promise<Result<OperatorAccount>> {
  const supervisor = requireSupervisor(ctx.desk)
  if (!supervisor.ok) return supervisor
  const target = await findOperatorById(ctx.db, input.operatorId)
  if (target === null) return fail('NOT_FOUND', NO_SUCH_OPERATOR_MESSAGE)
  // The acting supervisor stays enabled, so an enabled supervisor always remains.
  if (input.disabled && target.id === supervisor.value.id) return fail('CONFLICT', SELF_DISABLE_MESSAGE)
  await storeDisabled(ctx.db, target.id, input.disabled)
  await audited(ctx, supervisor.value.id, input.disabled ? 'operator.disable' : 'operator.enable', target)
  return ok(toOperatorAccount((await findOperatorById(ctx.db, target.id))!))
}

export async function resetOperatorPassword(
  ctx: ServiceContext,
  input: { operatorId: number; password: string },
): Promise<Result<OperatorAccount>> {
  const supervisor = requireSupervisor(ctx.desk)
  if (!supervisor.ok) return supervisor
  const target = await findOperatorById(ctx.db, input.operatorId)
  if (target === null) return fail('NOT_FOUND', NO_SUCH_OPERATOR_MESSAGE)
  await setOperatorPassword(ctx.db, target.id, await hashPassword(input.password))
  await audited(ctx, supervisor.value.id, 'operator.password-reset', target)
  return ok(toOperatorAccount((await findOperatorById(ctx.db, target.id))!))
}
