/**
 * The kiosk's core wired as createKioskServices does, over an in-memory store and a given
 * transport (a scripted fake or a real central over HTTP), with one operator account.
 */
import { createCentralClient, type CentralClient } from '../../../../src-main/central/central-client'
import type { CentralTransport } from '../../../../src-main/central/central-transport'
import { createDispatch, type Dispatch } from '../../../../src-main/ipc/dispatch'
import { createHandlerTable } from '../../../../src-main/ipc/handler-table'
import { syncCatalogAndRoster } from '../../../../src-main/services/catalog-sync'
import { Desk } from '../../../../src-main/services/desk'
import { createOperator } from '../../../../src-main/services/operator-accounts'
import type { ServiceContext } from '../../../../src-main/services/service-context'
import type { KioskStore } from '../../../../src-main/store/open-database'
import { silentLogger, type Logger } from '../../../../src-main/support/logger'
import { AGREEMENT_VERSION } from '../../../../src-shared/domain/agreement'
import { createTestClock, type TestClock } from './test-clock'
import { openTestStore, TEST_PROTECTOR } from './test-store'

/** Tests hash with a low cost; production uses DEFAULT_SCRYPT_COST. */
export const FAST_SCRYPT = { N: 1024, r: 8, p: 1 } as const

export const OPERATOR = { username: 'zhang', password: 'correct horse 1', displayName: '张老师', role: 'operator' } as const
/** K1: the supervisor who manages accounts and reads the audit log. */
export const SUPERVISOR = { username: 'li', password: 'battery staple 2', displayName: '李主管', role: 'supervisor' } as const

export interface TestKiosk {
  readonly store: KioskStore
  readonly ctx: ServiceContext
  readonly central: CentralClient
  readonly clock: TestClock
  readonly dispatch: Dispatch
  readonly operatorId: number
  readonly supervisorId: number
  close(): Promise<void>
}

export async function createTestKiosk(
  transport: CentralTransport,
  clock: TestClock = createTestClock(),
  deviceToken = 'test-token',
  logger: Logger = silentLogger,
): Promise<TestKiosk> {
  const store = await openTestStore()
  const central = createCentralClient({ transport, deviceToken, clock })
  const ctx: ServiceContext = {
    db: store.db,
    central,
    clock,
    desk: new Desk(),
    mode: 'central',
    logger,
    protector: TEST_PROTECTOR,
  }
  const operatorId = await createOperator(store.db, clock, OPERATOR, { scryptCost: FAST_SCRYPT })
  const supervisorId = await createOperator(store.db, clock, SUPERVISOR, { scryptCost: FAST_SCRYPT })
  return {
    store,
    ctx,
    central,
    clock,
    operatorId,
    supervisorId,
    dispatch: createDispatch(createHandlerTable(ctx), logger),
    close: () => store.close(),
  }
}

/** Signs the operator in and accepts the agreement; returns the visit id. */
export async function startVisit(kiosk: TestKiosk): Promise<string> {
  const signedIn = await kiosk.dispatch('signIn', { username: OPERATOR.username, password: OPERATOR.password })
  if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.error.message}`)
  const accepted = await kiosk.dispatch('acceptAgreement', { version: AGREEMENT_VERSION, accepted: true })
  if (!accepted.ok) throw new Error(`acceptance failed: ${accepted.error.message}`)
  return (accepted.value as { visitId: string }).visitId
}

export async function syncAll(kiosk: TestKiosk): Promise<void> {
  const result = await syncCatalogAndRoster(kiosk.ctx)
  if (!result.ok) throw new Error(`sync failed: ${JSON.stringify(result.failure)}`)
}
