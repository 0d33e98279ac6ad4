/**
 * K7: the demo kiosk comes with two operator accounts, created only when there is none, so a
 * configured kiosk never gets well-known passwords.
 */
import { countOperators } from '../store/operator-repository'
import type { KioskDb } from '../store/schema'
import type { Clock } from '../support/clock'
import { createOperator, type NewOperatorAccount } from './operator-accounts'

export const DEMO_OPERATORS: readonly NewOperatorAccount[] = [
  { username: 'demo', password: 'demo1234', displayName: '演示操作员', role: 'operator' },
  { username: 'admin', password: 'admin1234', displayName: '演示主管', role: 'supervisor' },
]

/** Returns whether the accounts were created. */
export async function seedDemoOperators(db: KioskDb, clock: Clock): Promise<boolean> {
  if ((await countOperators(db)) > 0) return false
  await db.transaction().execute(async (trx) => {
    for (const account of DEMO_OPERATORS) await createOperator(trx, clock, account)
  })
  return true
}
