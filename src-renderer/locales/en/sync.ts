/** `sync.*` messages in English: exactly the keys of zh-CN/sync.ts (compile-time and unit test). */
import type { LocaleShape } from '../locale-shape'

export default {
  status: {
    label: 'Link to the registration centre',
    online: 'Online',
    offline: 'Offline',
    lastSync: 'Last sync {time}',
    demo: 'Demo centre',
    never: 'Never synced',
    pending: 'To sync {count}',
    issues: 'Sync issues {count}',
  },
  issues: {
    title: 'Sync issues',
    intro: 'The registration centre refused these changes after they were made at this desk; its answer stands. Tell the candidate and redo the change if needed.',
    empty: 'No sync issues.',
    showAcknowledged: 'Show handled',
    candidate: 'Candidate',
    change: 'Change',
    reason: 'Reason',
    madeAt: 'Made at',
    refusedAt: 'Refused at',
    action: 'Action',
    acknowledge: 'Got it',
    acknowledgeLabel: 'Got it: {candidate} {change}',
    acknowledgedBy: 'Handled ({name} {time})',
    acknowledged: 'Marked as handled.',
    loading: 'Loading…',
    retry: 'Retry',
  },
  pending: {
    title: 'Waiting to sync',
    intro: 'These changes were made at this desk and are not yet confirmed by the registration centre; they are sent when the link is back.',
    madeAt: 'Made at',
    change: 'Change',
    state: 'State',
    waiting: 'Waiting',
    retrying: 'Tried {count} times ({error})',
    badge: 'To sync',
    badgeHint: 'Not yet confirmed by the registration centre',
  },
} satisfies LocaleShape['sync']
