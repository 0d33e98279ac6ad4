/** `signIn.*` messages in English: exactly the keys of zh-CN/sign-in.ts (compile-time and unit test). */
import type { LocaleShape } from '../locale-shape'

export default {
  title: 'Operator sign-in',
  username: 'Username',
  password: 'Password',
  usernameRequired: 'Enter the username.',
  passwordRequired: 'Enter the password.',
  submit: 'Sign in',
} satisfies LocaleShape['signIn']
