/**
 * The zh-CN messages: one file per top-level namespace in ./zh-CN/, merged here, so that several
 * people can add keys to their own namespace at once. Add a namespace: a file in zh-CN/ and en/
 * and one line in each index.
 */
import commonMessages from './zh-CN/common'
import appMessages from './zh-CN/app'
import errorsMessages from './zh-CN/errors'
import labelsMessages from './zh-CN/labels'
import signInMessages from './zh-CN/sign-in'
import homeMessages from './zh-CN/home'
import agreementMessages from './zh-CN/agreement'
import lookupMessages from './zh-CN/lookup'
import confirmMessages from './zh-CN/confirm'
import infoMessages from './zh-CN/info'
import bookingMessages from './zh-CN/booking'
import paymentMessages from './zh-CN/payment'
import waitlistMessages from './zh-CN/waitlist'
import operatorsMessages from './zh-CN/operators'
import auditMessages from './zh-CN/audit'
import capacityMessages from './zh-CN/capacity'
import syncMessages from './zh-CN/sync'
import keysMessages from './zh-CN/keys'
import receiptMessages from './zh-CN/receipt'
import reportMessages from './zh-CN/report'
import importMessages from './zh-CN/import'
import reasonsMessages from './zh-CN/reasons'

export const zhCN = {
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
}
