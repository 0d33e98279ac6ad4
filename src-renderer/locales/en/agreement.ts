/** `agreement.*` messages in English: exactly the keys of zh-CN/agreement.ts (compile-time and unit test). */
import type { LocaleShape } from '../locale-shape'

export default {
  title: 'Registration agreement & integrity pledge',
  fullText: 'Full text of the agreement and the integrity pledge',
  agreementHeading: 'Registration agreement',
  pledgeHeading: 'Integrity pledge',
  originalOnly: 'The agreement and the pledge are the exam authority’s text and are shown in Chinese.',
  pledgeIntro: 'I take part in the College English Test (CET-4/6) of my own free will and solemnly pledge:',
  numerals: '1,2,3,4,5,6,7,8,9,10',
  pledgeItem: '{number}. {text}',
  accept: 'I have read and accept the registration agreement and the integrity pledge',
  checkHint: 'Tick the box to accept',
  decline: 'Decline',
  agree: 'Agree',
} satisfies LocaleShape['agreement']
