/**
 * Screen-to-screen navigation in Chromium through the headless host: a supervisor signed in,
 * rounds of 首页 → 操作员管理 → 首页 → 审计日志 → 首页 → 容量管理 → 首页 → 报名协议 → 首页. Each
 * navigation is timed in the page, from the click (or, back to 首页, the route change: the
 * supervisor screens have no home button) to the first animation frame after the target screen
 * is ready: its heading shown and its data in (a table row, the agreement's checkbox, the start
 * button). The first round warms up and is not counted.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, chromium as Chromium } from '@playwright/test'
import { percentile } from './bench-stats'

interface PlaywrightModule {
  readonly chromium: typeof Chromium
}

export interface NavigationFigures {
  readonly navigations: number
  readonly p50Ms: number
  readonly p95Ms: number
  readonly maxMs: number
  /** Baseline: the navigations back to 首页, which asks main for nothing. */
  readonly homeP95Ms: number
}

interface Step {
  /** Visible text of the link or button to click; null: route to 首页. */
  readonly click: string | null
  readonly title: string
  /** Present once the screen's data is in. */
  readonly ready: string
}

const HOME: Step = { click: null, title: '欢迎使用CET报名服务台', ready: 'button.start' }
const ROUND: readonly Step[] = [
  { click: '操作员管理', title: '操作员管理', ready: 'table tbody tr' },
  HOME,
  { click: '审计日志', title: '审计日志', ready: 'table tbody tr' },
  HOME,
  { click: '容量管理', title: '容量管理', ready: 'table tbody tr' },
  HOME,
  { click: '开始报名', title: '报名协议 & 诚信承诺书', ready: 'input[type="checkbox"]' },
  HOME,
]

/**
 * Runs in the page (as source text, so no build helper leaks into it): triggers the step and
 * resolves with the milliseconds until the first animation frame after the screen is ready.
 */
const NAVIGATE_IN_PAGE = `(step) => new Promise((resolve, reject) => {
  const isReady = () => {
    const h1 = document.querySelector('h1')
    return h1 !== null && h1.textContent.trim() === step.title && document.querySelector(step.ready) !== null
  }
  const t0 = performance.now()
  const observer = new MutationObserver(() => {
    if (!isReady()) return
    observer.disconnect()
    requestAnimationFrame(() => resolve(performance.now() - t0))
  })
  observer.observe(document.body, { childList: true, subtree: true, characterData: true })
  if (step.click === null) window.location.hash = '#/'
  else {
    const target = [...document.querySelectorAll('a, button')].find((e) => e.textContent.trim() === step.click)
    if (target === undefined) {
      observer.disconnect()
      reject(new Error('no "' + step.click + '" to click'))
      return
    }
    target.click()
  }
})`

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

async function waitUntilAnswering(url: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`bench: the headless host did not answer on ${url}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

export async function benchNavigation(hostEntry: string, rounds: number): Promise<NavigationFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-nav-'))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const host = spawn(process.execPath, [hostEntry, '--port', String(port), '--data', dataDir], {
    env: { ...process.env, KIOSK_PORT: undefined, KIOSK_DATA_DIR: undefined, KIOSK_CENTRAL_URL: undefined, KIOSK_DEVICE_TOKEN: undefined },
    stdio: 'ignore',
  })
  // Loaded at run time only: Playwright is a development dependency, never bundled.
  const playwright = '@playwright/test'
  const { chromium } = (await import(/* @vite-ignore */ playwright)) as PlaywrightModule
  let browser: Browser | undefined
  try {
    await waitUntilAnswering(url, Date.now() + 30_000)
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    })
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 860 } })
    await page.goto(url)
    await page.getByLabel('用户名').fill('admin')
    await page.getByLabel('密码').fill('admin1234')
    await page.getByRole('button', { name: '登录' }).click()
    await page.getByRole('heading', { level: 1, name: HOME.title }).waitFor()
    const samples: number[] = []
    const home: number[] = []
    for (let round = 0; round <= rounds; round++)
      for (const step of ROUND) {
        const ms = (await page.evaluate(`(${NAVIGATE_IN_PAGE})(${JSON.stringify(step)})`)) as number
        if (round === 0) continue
        samples.push(ms)
        if (step === HOME) home.push(ms)
      }
    samples.sort((a, b) => a - b)
    home.sort((a, b) => a - b)
    return {
      navigations: samples.length,
      p50Ms: percentile(samples, 50),
      p95Ms: percentile(samples, 95),
      maxMs: samples.at(-1)!,
      homeP95Ms: percentile(home, 95),
    }
  } finally {
    await browser?.close()
    if (host.exitCode === null) {
      const exited = once(host, 'exit')
      host.kill('SIGTERM')
      await exited
    }
    rmSync(dataDir, { recursive: true, force: true })
  }
}
