/**
 * Pieces of the keyboard and accessibility specs: signing in by keyboard, a keyboard that counts
 * the keys a person presses, and a card reader that types a line. Their candidates (高键盘,
 * 安无障) are demo candidates of their own, so they depend on no other spec's leftovers.
 */
import type { Page } from '@playwright/test'
import { expect, heading } from './fixtures'

export async function signInWithKeyboard(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/')
  await expect(heading(page, '操作员登录')).toBeVisible()
  await expect(page.getByLabel('用户名')).toBeFocused()
  await page.keyboard.type(username)
  await page.keyboard.press('Tab')
  await page.keyboard.type(password)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: '开始报名' })).toBeFocused()
}

/** Presses keys as a person does and counts every key pressed (Alt+W is two). */
export class CountingKeyboard {
  keys = 0
  readonly log: string[] = []

  constructor(private readonly page: Page) {}

  async press(combo: string): Promise<void> {
    this.keys += combo.split('+').length
    this.log.push(combo)
    await this.page.keyboard.press(combo)
  }
}

/** A card reader in keyboard mode: it types the line and Enter; nobody presses those keys. */
export async function readerTypes(page: Page, line: string): Promise<void> {
  await page.keyboard.type(line)
  await page.keyboard.press('Enter')
}
