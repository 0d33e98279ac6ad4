/** `keys.*` messages in English: exactly the keys of zh-CN/keys.ts (compile-time and unit test). */
import type { LocaleShape } from '../locale-shape'

export default {
  dialog: {
    title: 'Notice',
    ok: 'OK',
    cancel: 'Cancel',
  },
  scan: {
    label: 'Scan ID',
    placeholder: 'Place the ID on the reader or scan its code',
    hint: 'When the card reader or scanner reads an ID, ID type, ID number and name are filled in.',
    filled: 'ID read: {idType}, {name}. Check it, then press Enter to look up.',
    secondLine: 'First line of the passport MRZ read; read the second line.',
  },
  legend: {
    label: 'Shortcuts',
    enter: 'Submit',
    esc: 'Close dialog',
    tab: 'Next field',
  },
} satisfies LocaleShape['keys']
