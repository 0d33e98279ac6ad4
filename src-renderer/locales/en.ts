/**
 * The en messages: one file per top-level namespace in ./en/, merged here, so that several
 * people can add keys to their own namespace at once. Add a namespace: a file in zh-CN/ and en/
 * and one line in each index.
 */
import commonMessages from './en/common'
import appMessages from './en/app'
import errorsMessages from './en/errors'
import labelsMessages from './en/labels'
import signInMessages from './en/sign-in'
import homeMessages from './en/home'
import agreementMessages from './en/agreement'
import lookupMessages from './en/lookup'
import confirmMessages from './en/confirm'
import infoMessages from './en/info'
import bookingMessages from './en/booking'
import paymentMessages from './en/payment'
import waitlistMessages from './en/waitlist'
import operatorsMessages from './en/operators'
import auditMessages from './en/audit'
import capacityMessages from './en/capacity'
import syncMessages from './en/sync'
import keysMessages from './en/keys'
import receiptMessages from './en/receipt'
import reportMessages from './en/report'
import importMessages from './en/import'
import reasonsMessages from './en/reasons'

import type { LocaleShape } from './locale-shape'

export const en = {
  common: commonMessages,
  app: appMessages,
  errors: errorsMessages,
  labels: labelsMessages,
  signIn: signInMessages,
  home: homeMessages,
  agreement: agreementMessages,
  lookup: lookupMessages,
  confirm: confirmMessages,
  info: infoMessages,
  booking: bookingMessages,
  payment: paymentMessages,
  waitlist: waitlistMessages,
  operators: operatorsMessages,
  audit: auditMessages,
  capacity: capacityMessages,
  sync: syncMessages,
  keys: keysMessages,
  receipt: receiptMessages,
  report: reportMessages,
  import: importMessages,
  reasons: reasonsMessages,
} satisfies LocaleShape
