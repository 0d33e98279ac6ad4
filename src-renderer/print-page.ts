/**
 * Prints the page on screen (报名回执, 日报表). Main decides and audits; in the app Electron's
 * printing has already opened the dialog for this window, in a browser (headless host) the page
 * prints itself. The print stylesheet (@media print) leaves only the document.
 */
import type { Result } from '../src-shared/domain/result'
import type { PrintableDocument, PrintAnswer } from '../src-shared/ipc/receipt-views'
import { api } from './api'

export async function printPage(document: PrintableDocument, print: () => void = () => window.print()): Promise<Result<PrintAnswer>> {
  const result = await api.printDocument({ document })
  if (result.ok && result.value.printedBy === 'browser') print()
  return result
}
