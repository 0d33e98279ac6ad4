/** `common.*` messages in English: exactly the keys of zh-CN/common.ts (compile-time and unit test). */
import type { LocaleShape } from '../locale-shape'

export default {
  retry: 'Retry',
  loading: 'Loading…',
  back: 'Back',
  backHome: 'Back to home',
  ok: 'OK',
  cancel: 'Cancel',
  close: 'Close',
  submit: 'Submit',
  saved: 'Saved',
  dash: '—',
  notice: 'Notes',
  listNumber: '{n}.',
  labelColon: '{label}:',
  reveal: 'Show',
  revealFullIdNumber: 'Show the full ID number',
  revealFullPhone: 'Show the full mobile number',
  announcements: 'Announcements',
  provinceNotice: 'Provincial notice',
  schoolNotice: 'School notice',
  noticeHeading: '{scope}: {issuer}',
  colon: ':',
} satisfies LocaleShape['common']
