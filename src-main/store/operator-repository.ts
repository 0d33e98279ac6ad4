/** K1: operator accounts and their sign-in counters. */
import type { KioskDb, NewOperator, OperatorRow } from './schema'

export async function findOperatorByUsername(db: KioskDb, username: string): Promise<OperatorRow | null> {
  return (await db.selectFrom('operators').selectAll().where('username', '=', username).executeTakeFirst()) ?? null
}

export async function findOperatorById(db: KioskDb, id: number): Promise<OperatorRow | null> {
  return (await db.selectFrom('operators').selectAll().where('id', '=', id).executeTakeFirst()) ?? null
}

export async function countOperators(db: KioskDb): Promise<number> {
  const row = await db.selectFrom('operators').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function insertOperator(db: KioskDb, operator: NewOperator): Promise<number> {
  const row = await db.insertInto('operators').values(operator).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function recordFailedSignIn(
  db: KioskDb,
  id: number,
  failedAttempts: number,
  lockedUntil: string | null,
): Promise<void> {
  await db
    .updateTable('operators')
    .set({ failed_attempts: failedAttempts, locked_until: lockedUntil })
    .where('id', '=', id)
    .execute()
}

export async function recordSuccessfulSignIn(db: KioskDb, id: number): Promise<void> {
  await db.updateTable('operators').set({ failed_attempts: 0, locked_until: null }).where('id', '=', id).execute()
}

export async function listOperatorRows(db: KioskDb): Promise<OperatorRow[]> {
  return db.selectFrom('operators').selectAll().orderBy('id').execute()
}

export async function setOperatorDisabled(db: KioskDb, id: number, disabled: boolean): Promise<void> {
  await db.updateTable('operators').set({ disabled: disabled ? 1 : 0 }).where('id', '=', id).execute()
}

/** A new password also lifts a lockout: the supervisor has checked who is asking. */
export async function setOperatorPassword(db: KioskDb, id: number, passwordHash: string): Promise<void> {
  await db
    .updateTable('operators')
    .set({ password_hash: passwordHash, failed_attempts: 0, locked_until: null })
    .where('id', '=', id)
    .execute()
}
