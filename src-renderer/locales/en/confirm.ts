/** `confirm.*` messages in English: exactly the keys of zh-CN/confirm.ts (compile-time and unit test). */
import type { LocaleShape } from '../locale-shape'

export default {
  title: 'Eligibility confirmation',
  notice1: 'If the student record is wrong, do not continue: contact the person in charge at the school as soon as possible.',
  notice2: 'Eligible subjects are derived from this exam session’s settings; if you disagree, contact the person in charge at the school.',
  notice3: 'A candidate with no eligible subjects cannot register.',
  notice4: '**If the speaking test cannot be booked yet, its seats may be full or its centre not yet open: after booking and paying the written test, check again at any time.**',
  notice5: 'Candidates not eligible for CET6 who meet the conditions see a “CET6 qualification review” button here and on the details page. They give the admission-ticket number of the CET4 they passed; the answer comes **at once**. A request left “Not reviewed” means the ID number of that score record differs from the student record’s: **the candidate prepares proof as the school requires and asks the school to review it by hand.**',
  notice6: 'Each account may submit one “CET6 qualification review”; once passed it cannot be changed or withdrawn.',
  notice7: 'For a CET4 score from before 2005, contact the person in charge at the school for the CET6 review.',
  noSubjects: 'A candidate with no eligible subjects cannot register.',
  record: 'Student record',
  checked: 'I have checked and confirm that the student record and eligibility are correct',
  checkHint: 'Tick the box to confirm',
  cet6Review: 'CET6 qualification review',
  saveAndContinue: 'Save and continue',
  phoneBody: 'The account’s bound mobile number is “{phone}”. If it is **not the candidate’s own** or **no longer in use**, **change it to the number the candidate uses now, then register again.**',
  phoneQuestion: 'Confirm that this is the candidate’s mobile number in use, and continue?',
  recordBody: 'Once saved, the student record **cannot be changed**. If anything is **wrong**, **ask the school to correct it** first, so that it does not affect **the exam and the score report/certificate**.',
  recordQuestion: 'Confirm the student record is correct, and continue?',
} satisfies LocaleShape['confirm']
