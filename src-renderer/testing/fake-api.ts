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
  revealCandidateField: vi.fn<KioskApi['revealCandidateField']>(),
  listOperators: vi.fn<KioskApi['listOperators']>(),
  createOperator: vi.fn<KioskApi['createOperator']>(),
  setOperatorDisabled: vi.fn<KioskApi['setOperatorDisabled']>(),
  resetOperatorPassword: vi.fn<KioskApi['resetOperatorPassword']>(),
  listAuditLog: vi.fn<KioskApi['listAuditLog']>(),
  exportAuditLog: vi.fn<KioskApi['exportAuditLog']>(),
  startRosterImport: vi.fn<KioskApi['startRosterImport']>(),
  startOfferingImport: vi.fn<KioskApi['startOfferingImport']>(),
  getRosterImportProgress: vi.fn<KioskApi['getRosterImportProgress']>(),
  getRosterImportErrorReport: vi.fn<KioskApi['getRosterImportErrorReport']>(),
  getWrittenOfferings: vi.fn<KioskApi['getWrittenOfferings']>(),
  getOralOfferings: vi.fn<KioskApi['getOralOfferings']>(),
  bookOfferings: vi.fn<KioskApi['bookOfferings']>(),
  cancelBooking: vi.fn<KioskApi['cancelBooking']>(),
  saveScoreReportChoices: vi.fn<KioskApi['saveScoreReportChoices']>(),
  getPaymentConfirmation: vi.fn<KioskApi['getPaymentConfirmation']>(),
  startPayment: vi.fn<KioskApi['startPayment']>(),
  getPaymentStatus: vi.fn<KioskApi['getPaymentStatus']>(),
  deleteRegistration: vi.fn<KioskApi['deleteRegistration']>(),
  getUpdateStatus: vi.fn<KioskApi['getUpdateStatus']>(),
  submitWaitlist: vi.fn<KioskApi['submitWaitlist']>(),
  cancelWaitlist: vi.fn<KioskApi['cancelWaitlist']>(),
  getCet6Review: vi.fn<KioskApi['getCet6Review']>(),
  submitCet6Review: vi.fn<KioskApi['submitCet6Review']>(),
  listOfferingCapacity: vi.fn<KioskApi['listOfferingCapacity']>(),
  raiseOfferingCapacity: vi.fn<KioskApi['raiseOfferingCapacity']>(),
  listSyncIssues: vi.fn<KioskApi['listSyncIssues']>(),
  acknowledgeSyncIssue: vi.fn<KioskApi['acknowledgeSyncIssue']>(),
  getReceipt: vi.fn<KioskApi['getReceipt']>(),
  printDocument: vi.fn<KioskApi['printDocument']>(),
  getDayReport: vi.fn<KioskApi['getDayReport']>(),
  exportDayReport: vi.fn<KioskApi['exportDayReport']>(),
} satisfies KioskApi
