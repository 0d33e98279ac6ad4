/** `capacity.*` messages in English: exactly the keys of zh-CN/capacity.ts (compile-time and unit test). */
import type { LocaleShape } from '../locale-shape'

export default {
  raised: '{subject} ({campus}): capacity is now {capacity}.',
  title: 'Capacity',
  intro: 'New seats from a higher capacity go to waiting candidates in the order they joined the waitlist (they must then pay within 24 hours).',
  subject: 'Subject',
  school: 'School',
  campus: 'Campus',
  capacity: 'Capacity',
  seatsLeft: 'Seats left',
  waiting: 'Waiting',
  raise: 'Change capacity',
  newCapacity: 'New capacity for {subject} {campus}',
} satisfies LocaleShape['capacity']
