/** K1: creating operator accounts (supervisor tooling, demo seeding, tests). */
import { insertOperator } from '../store/operator-repository'
import type { KioskDb } from '../store/schema'
import type { Clock } from '../support/clock'
import { hashPassword, type ScryptCost } from './password-hash'

export interface NewOperatorAccount {
  readonly username: string
  readonly password: string
  readonly displayName: string
  readonly role: 'operator' | 'supervisor'
}

export async function createOperator(
  db: KioskDb,
  clock: Clock,
  account: NewOperatorAccount,
  options: { scryptCost?: ScryptCost } = {},
): Promise<number> {
  return insertOperator(db, {
    username: account.username,
    display_name: account.displayName,
    role: account.role,
    password_hash: await hashPassword(account.password, options.scryptCost),
    created_at: clock().toISOString(),
  })
}
