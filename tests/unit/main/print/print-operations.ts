/**
 * The IPC operations of the printouts (issue #9). Their outputs are checked against the contract
 * by dispatch in receipt-dispatch.test.ts and day-report-dispatch.test.ts.
 */
export const PRINT_OPERATION_NAMES = ['getReceipt', 'printDocument', 'getDayReport', 'exportDayReport'] as const
