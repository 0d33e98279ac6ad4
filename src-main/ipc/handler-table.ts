/**
 * The main-process side of the IPC contract: one handler per operation, typed from
 * `operations`, so adding an operation to the contract fails the build until it is handled.
 * Handlers receive input already parsed by the operation's schema.
 */
import type { z } from 'zod'
import type { Result } from '../../src-shared/domain/result'
import type { OperationName, OperationOutput, Operations } from '../../src-shared/ipc/contract'
import { acceptAgreement, getAgreement } from '../services/agreement'
import { exportAuditLog, listAuditLog } from '../services/audit-log'
import { revealCandidateField } from '../services/candidate-reveal'
import { getDeskStatus } from '../services/desk-status'
import { createOperatorAccount, listOperators, resetOperatorPassword, setOperatorDisabled } from '../services/operator-admin'
import { lookupEligibility } from '../services/eligibility-lookup'
import { signIn, signOut } from '../services/operator-sign-in'
import { confirmRegistration } from '../services/registration-confirm'
import { getRegistrationInfo } from '../services/registration-info'
import type { ServiceContext } from '../services/service-context'
import { endVisit } from '../services/visit-end'
import { getUpdateStatus } from '../services/update-status'
import { getRosterImportErrorReport, getRosterImportProgress, startOfferingImport, startRosterImport } from '../services/roster-import'
import { bookOfferings, cancelBooking } from '../services/booking/booking-actions'
import { getOralOfferings, getWrittenOfferings } from '../services/booking/offering-options'
import { getPaymentConfirmation, getPaymentStatus, startPayment } from '../services/booking/payment'
import { deleteRegistration } from '../services/booking/registration-deletion'
import { saveScoreReportChoices } from '../services/booking/score-report'
import { getCet6Review, submitCet6Review } from '../services/waitlist/cet6-review'
import { listOfferingCapacity, raiseOfferingCapacity } from '../services/waitlist/offering-capacity'
import { cancelWaitlist, submitWaitlist } from '../services/waitlist/waitlist-actions'
import { acknowledgeSyncIssue, listSyncIssues } from '../services/sync/sync-issues'
import { exportDayReport, getDayReport } from '../services/day-report/day-report'
import { printDocument } from '../services/print-document'
import { getReceipt } from '../services/receipt/receipt'

export type HandlerTable = {
  [N in OperationName]: (input: z.output<Operations[N]['input']>) => Promise<Result<OperationOutput<N>>>
}

export function createHandlerTable(ctx: ServiceContext): HandlerTable {
  return {
    getDeskStatus: () => getDeskStatus(ctx),
    signIn: (input) => signIn(ctx, input),
    signOut: () => signOut(ctx),
    getAgreement: () => Promise.resolve(getAgreement()),
    acceptAgreement: (input) => acceptAgreement(ctx, input),
    lookupEligibility: (input) => lookupEligibility(ctx, input),
    confirmRegistration: (input) => confirmRegistration(ctx, input),
    getRegistrationInfo: (input) => getRegistrationInfo(ctx, input),
    endVisit: (input) => endVisit(ctx, input),
    revealCandidateField: (input) => revealCandidateField(ctx, input),
    listOperators: () => listOperators(ctx),
    createOperator: (input) => createOperatorAccount(ctx, input),
    setOperatorDisabled: (input) => setOperatorDisabled(ctx, input),
    resetOperatorPassword: (input) => resetOperatorPassword(ctx, input),
    listAuditLog: (input) => listAuditLog(ctx, input),
    exportAuditLog: (input) => exportAuditLog(ctx, input),
    startRosterImport: (input) => startRosterImport(ctx, input),
    startOfferingImport: (input) => startOfferingImport(ctx, input),
    getRosterImportProgress: () => getRosterImportProgress(ctx),
    getRosterImportErrorReport: () => getRosterImportErrorReport(ctx),
    getUpdateStatus: () => getUpdateStatus(ctx),
    getWrittenOfferings: (input) => getWrittenOfferings(ctx, input),
    getOralOfferings: (input) => getOralOfferings(ctx, input),
    bookOfferings: (input) => bookOfferings(ctx, input),
    cancelBooking: (input) => cancelBooking(ctx, input),
    saveScoreReportChoices: (input) => saveScoreReportChoices(ctx, input),
    getPaymentConfirmation: (input) => getPaymentConfirmation(ctx, input),
    startPayment: (input) => startPayment(ctx, input),
    getPaymentStatus: (input) => getPaymentStatus(ctx, input),
    deleteRegistration: (input) => deleteRegistration(ctx, input),
    submitWaitlist: (input) => submitWaitlist(ctx, input),
    cancelWaitlist: (input) => cancelWaitlist(ctx, input),
    getCet6Review: (input) => getCet6Review(ctx, input),
    submitCet6Review: (input) => submitCet6Review(ctx, input),
    listSyncIssues: (input) => listSyncIssues(ctx, input),
    acknowledgeSyncIssue: (input) => acknowledgeSyncIssue(ctx, input),
    listOfferingCapacity: () => listOfferingCapacity(ctx),
    raiseOfferingCapacity: (input) => raiseOfferingCapacity(ctx, input),
    getReceipt: (input) => getReceipt(ctx, input),
    printDocument: (input) => printDocument(ctx, input),
    getDayReport: (input) => getDayReport(ctx, input),
    exportDayReport: (input) => exportDayReport(ctx, input),
  }
}
