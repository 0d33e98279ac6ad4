/**
 * K1: a kiosk configured against a real central starts with no operator accounts (the demo ones
 * exist only in demo mode, K7), so nobody could sign in to create one. On a start with the store
 * holding no account at all, KIOSK_FIRST_SUPERVISOR and KIOSK_FIRST_SUPERVISOR_PASSWORD (the
 * environment only: a password on the command line shows in process lists) create the first
 * supervisor, audited; once any account exists they do nothing.
 */
import { appendAudit } from '../store/audit-repository'
import { countOperators } from '../store/operator-repository'
import type { KioskDb } from '../store/schema'
import type { Clock } from '../support/clock'
import { createOperator } from './operator-accounts'

export interface FirstSupervisor {
  readonly username: string
  readonly password: string
}

export const FIRST_SUPERVISOR_ENV = 'KIOSK_FIRST_SUPERVISOR'
export const FIRST_SUPERVISOR_PASSWORD_ENV = 'KIOSK_FIRST_SUPERVISOR_PASSWORD'
const USERNAME = /^[A-Za-z0-9._-]{2,32}$/
const MIN_PASSWORD = 8

/** Reads and checks the two variables; null when neither is set. Throws a start-up message when only one is, or either is bad. */
export function readFirstSupervisor(env: Record<string, string | undefined>): FirstSupervisor | null {
  const username = env[FIRST_SUPERVISOR_ENV]?.trim() ?? ''
  const password = env[FIRST_SUPERVISOR_PASSWORD_ENV] ?? ''
  if (username === '' && password === '') return null
  if (username === '' || password === '')
    throw new Error(`${FIRST_SUPERVISOR_ENV} and ${FIRST_SUPERVISOR_PASSWORD_ENV} must be set together.`)
  if (!USERNAME.test(username))
    throw new Error(`${FIRST_SUPERVISOR_ENV} "${username}" may use only 2 to 32 letters, digits, ".", "_" and "-".`)
  if (password.length < MIN_PASSWORD) throw new Error(`${FIRST_SUPERVISOR_PASSWORD_ENV} must be at least ${MIN_PASSWORD} characters.`)
  return { username, password }
}

export type FirstSupervisorOutcome = 'created' | 'accounts-exist' | 'none-requested'

export async function ensureFirstSupervisor(db: KioskDb, clock: Clock, wanted: FirstSupervisor | null): Promise<FirstSupervisorOutcome> {
  if ((await countOperators(db)) > 0) return 'accounts-exist'
  if (wanted === null) return 'none-requested'
  await db.transaction().execute(async (trx) => {
    const id = await createOperator(trx, clock, { username: wanted.username, password: wanted.password, displayName: '主管', role: 'supervisor' })
    await appendAudit(trx, { at: clock(), operatorId: id, candidateId: null, action: 'operator.create', outcome: 'ok', detail: `${wanted.username} (first supervisor, from the environment)` })
  })
  return 'created'
}
