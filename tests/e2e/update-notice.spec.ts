/**
 * K6: what staff see of automatic updates. The headless host has no updater (nothing shows); the
 * Electron shell's answers are stood in for by answering getUpdateStatus at the page's network.
 */
import { expect, screen, signIn, test } from './fixtures'

const READY = {
  state: 'ready',
  version: '1.1.0',
  percent: 100,
  waitingFor: 'candidate',
  message: '新版本 1.1.0 已下载，当前考生办理完成后自动安装。',
}

test('K6: without an updater (headless host) no update line is shown', async ({ page }) => {
  await signIn(page)
  await expect(page.getByRole('button', { name: '开始报名' })).toBeVisible()
  await expect(page.getByText('软件更新')).toHaveCount(0)
})

test('K6: a downloaded update waiting for the candidate is shown under the top bar', async ({ page }) => {
  await page.route('**/ipc/getUpdateStatus', (route) => route.fulfill({ json: { ok: true, value: READY } }))
  await signIn(page)
  const notice = page.getByRole('status').filter({ hasText: '软件更新' })
  await expect(notice).toContainText('新版本 1.1.0 已下载，当前考生办理完成后自动安装。')
  await screen(page, 'k6-update-waiting')
})
