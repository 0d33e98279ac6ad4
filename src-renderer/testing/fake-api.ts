/**
 * Stands in for `src-renderer/api.ts` in tests: `vi.mock('../api', () => import('../testing/fake-api'))`.
 * Every operation is a typed mock; a test gives each the answers it needs.
 */
import { vi } from 'vitest'
import type { KioskApi } from '../../src-shared/ipc/contract'

export const UNREACHABLE_MESSAGE = '无法连接本机服务，请稍后重试。'

export const api = {
  getDeskStatus: vi.fn<KioskApi['getDeskStatus']>(),
  signIn: vi.fn<KioskApi['signIn']>(),
  signOut: vi.fn<KioskApi['signOut']>(),
  getAgreement: vi.fn<KioskApi['getAgreement']>(),
  acceptAgreement: vi.fn<KioskApi['acceptAgreement']>(),
  lookupEligibility: vi.fn<KioskApi['lookupEligibility']>(),
  confirmRegistration: vi.fn<KioskApi['confirmRegistration']>(),
  getRegistrationInfo: vi.fn<KioskApi['getRegistrationInfo']>(),
  endVisit: vi.fn<KioskApi['endVisit']>(),
} satisfies KioskApi
