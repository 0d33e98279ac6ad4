/** `home.*` messages in English: exactly the keys of zh-CN/home.ts (compile-time and unit test). */
import type { LocaleShape } from '../locale-shape'

export default {
  title: 'Welcome to the CET Registration Desk',
  basicInfo: 'Basic information',
  examName: 'Exam',
  registrationPeriod: 'Registration period',
  notSet: 'Not set',
  flow: 'Registration steps',
  stepAgreement: 'Agreement',
  stepLookup: 'Eligibility check',
  stepConfirm: 'Eligibility confirmation',
  stepWritten: 'Written test: book & pay',
  stepOral: 'Speaking test: book & pay',
  stepDone: 'Registered',
  visitOpen: "The current candidate's registration is not finished.",
  resume: 'Continue with this candidate',
  start: 'Start registration',
} satisfies LocaleShape['home']
