/**
 * The main-process side of the IPC contract: one handler per operation, typed from
 * `operations`, so adding an operation to the contract fails the build until it is handled.
 * Handlers receive input already parsed by the operation's schema.
 */
import type { z } from 'zod'
import type { Result } from '../../src-shared/domain/result'
import type { OperationName, OperationOutput, Operations } from '../../src-shared/ipc/contract'
import { acceptAgreement, getAgreement } from '../services/agreement'
import { getDeskStatus } from '../services/desk-status'
import { lookupEligibility } from '../services/eligibility-lookup'
import { signIn, signOut } from '../services/operator-sign-in'
import { confirmRegistration } from '../services/registration-confirm'
import { getRegistrationInfo } from '../services/registration-info'
import type { ServiceContext } from '../services/service-context'
import { endVisit } from '../services/visit-end'

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
  }
}
