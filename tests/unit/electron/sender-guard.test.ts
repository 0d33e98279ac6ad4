import { describe, expect, it } from 'vitest'
import { isTrustedSender, type SenderEvent } from '../../../src-main/electron/sender-guard'

const RENDERER = 'file:///app/out/renderer/index.html'
const isRendererUrl = (url: string): boolean => url.split('#')[0] === RENDERER

function frame(overrides: Partial<{ url: string; parent: unknown; frameTreeNodeId: number }> = {}) {
  return { url: `${RENDERER}#/home`, parent: null, frameTreeNodeId: 1, ...overrides }
}

/** Our window, whose main frame shows `mainFrame`, and an event sent from `senderFrame` in it. */
function setup(options: { senderFrame?: unknown; mainFrame?: ReturnType<typeof frame>; destroyed?: boolean } = {}) {
  const mainFrame = options.mainFrame ?? frame()
  const webContents = { id: 1, mainFrame }
  const window = { webContents, isDestroyed: () => options.destroyed ?? false } as never
  const event = { sender: webContents, senderFrame: 'senderFrame' in options ? options.senderFrame : mainFrame } as SenderEvent
  return { window, event }
}

describe('IPC sender validation (K4)', () => {
  it('trusts the main frame of our window showing our renderer', () => {
    const { window, event } = setup()
    expect(isTrustedSender(event, window, isRendererUrl)).toBe(true)
  })

  it('refuses an event without a sender frame (frame gone or navigated)', () => {
    const { window, event } = setup({ senderFrame: null })
    expect(isTrustedSender(event, window, isRendererUrl)).toBe(false)
  })

  it('refuses a sub-frame showing our page', () => {
    const { window, event } = setup({ senderFrame: frame({ parent: frame(), frameTreeNodeId: 7 }) })
    expect(isTrustedSender(event, window, isRendererUrl)).toBe(false)
  })

  it('refuses a frame with a parent even if it claims the main frame id', () => {
    const { window, event } = setup({ senderFrame: frame({ parent: frame() }) })
    expect(isTrustedSender(event, window, isRendererUrl)).toBe(false)
  })

  it('refuses a top-level frame that is not the main frame of the window', () => {
    const { window, event } = setup({ senderFrame: frame({ frameTreeNodeId: 99 }) })
    expect(isTrustedSender(event, window, isRendererUrl)).toBe(false)
  })

  it('refuses another WebContents', () => {
    const { window } = setup()
    const event = { sender: { id: 2, mainFrame: frame() }, senderFrame: frame() } as unknown as SenderEvent
    expect(isTrustedSender(event, window, isRendererUrl)).toBe(false)
  })

  it('refuses a foreign URL in our main frame', () => {
    const { window, event } = setup({ mainFrame: frame({ url: 'https://evil.example/' }) })
    expect(isTrustedSender(event, window, isRendererUrl)).toBe(false)
  })

  it('refuses when there is no window, or it is destroyed', () => {
    const { window, event } = setup({ destroyed: true })
    expect(isTrustedSender(event, window, isRendererUrl)).toBe(false)
    expect(isTrustedSender(event, null, isRendererUrl)).toBe(false)
  })
})
