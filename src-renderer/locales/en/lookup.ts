/** `lookup.*` messages in English: exactly the keys of zh-CN/lookup.ts (compile-time and unit test). */
import type { LocaleShape } from '../locale-shape'

export default {
  title: 'Eligibility lookup',
  idType: 'ID type',
  idNumber: 'ID number',
  name: 'Name',
  choose: '- Choose -',
  idTypeRequired: 'Choose the ID type.',
  idNumberRequired: 'Enter the ID number.',
  nameRequired: 'Enter the name.',
  idNumberPlaceholder: 'ID number',
  namePlaceholder: 'Name as on the ID',
  submit: 'Look up',
} satisfies LocaleShape['lookup']
