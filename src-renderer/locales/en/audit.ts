/** `audit.*` messages in English: exactly the keys of zh-CN/audit.ts (compile-time and unit test). */
import type { LocaleShape } from '../locale-shape'

export default {
  action: {
    operator: {
      'sign-in': 'Operator sign-in',
      'sign-out': 'Sign-out',
      create: 'Operator added',
      disable: 'Operator disabled',
      enable: 'Operator enabled',
      'password-reset': 'Password reset',
    },
    agreement: {
      accept: 'Agreement accepted',
    },
    eligibility: {
      lookup: 'Eligibility lookup',
    },
    registration: {
      confirm: 'Eligibility confirmed',
      delete: 'Registration deleted',
    },
    visit: {
      end: 'Visit ended',
    },
    candidate: {
      reveal: 'Full details shown',
    },
    audit: {
      export: 'Audit log exported',
    },
    roster: {
      import: 'Roster imported',
    },
    offerings: {
      import: 'Offerings imported',
    },
    waitlist: {
      submit: 'Waitlist entry submitted',
      cancel: 'Waitlist entry cancelled',
      promoted: 'Waitlist entry promoted',
    },
    cet6: {
      review: 'CET6 qualification review',
    },
    offering: {
      capacity: 'Capacity changed',
    },
    booking: {
      create: 'Subject booked',
      cancel: 'Booking cancelled',
      expire: 'Booking expired',
      'score-report': 'Score-report choice',
    },
    'score-report': {
      save: 'Score-report choice saved',
    },
    order: {
      create: 'Payment order created',
      paid: 'Order paid',
      'refund-required': 'Refund due',
    },
    sync: {
      acknowledge: 'Sync problem acknowledged',
      'feed-reset': 'Sync position lost, synced again',
    },
    'day-report': {
      export: 'Day report exported',
    },
    document: {
      print: 'Printed',
    },
  },
  outcome: {
    ok: 'OK',
    failed: 'Failed',
    locked: 'Locked',
    refused: 'Refused',
    'not-found': 'Not found',
    unavailable: 'Unreachable',
  },
  exported: 'Exported {rows} records',
  title: 'Audit log',
  operator: 'Operator',
  all: 'All',
  operatorOption: '{name} ({username})',
  candidateId: 'Candidate no.',
  actionLabel: 'Action',
  from: 'From',
  to: 'To',
  search: 'Search',
  clear: 'Clear',
  exportCsv: 'Export CSV',
  total: '{total} records',
  totalShown: '{total} records, the newest {shown} shown (the export has all)',
  caption: 'Audit records',
  time: 'Time',
  outcomeLabel: 'Result',
  detail: 'Details',
  empty: 'No matching records.',
} satisfies LocaleShape['audit']
