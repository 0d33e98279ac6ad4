/**
 * printDocument in the app: once main has allowed it (dispatch), the print dialog opens for the
 * window that asked, which the sender guard has already proven to be the kiosk's own page.
 * Nothing else is printable: no URL, no other window, no silent printing to a chosen printer.
 */
import type { WebContents } from 'electron'
import { fail, ok, type Result } from '../../src-shared/domain/result'

export const PRINT_FAILED_MESSAGE = '打印未完成，请检查打印机后重试。'

export type PrintableContents = Pick<WebContents, 'print'>

export function printSenderWindow(contents: PrintableContents): Promise<Result<void>> {
  return new Promise((resolve) => {
    contents.print({ silent: false, printBackground: true }, (success, failureReason) => {
      // Closing the dialog without printing is the operator's choice, not a failure.
      resolve(success || failureReason === 'Print job canceled' || failureReason === 'cancelled' ? ok(undefined) : fail('INTERNAL', PRINT_FAILED_MESSAGE))
    })
  })
}
