/**
 * The renderer's initial JavaScript stays within its gzip budget (issue #8): `npm test` runs this
 * after the build, so a screen that pulls a large library in fails here, not in registration week.
 * The screens the router loads on demand stay out of the start: each is its own chunk, neither
 * loaded nor preloaded by index.html.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { lazyChunks, rendererInitialJsGzipBytes, RENDERER_INITIAL_JS_GZIP_BUDGET } from '../../src-main/bench/renderer-size'
import { expect, test } from './fixtures'

const ROOT = join(import.meta.dirname, '..', '..')
const RENDERER = join(ROOT, 'out', 'renderer')

test('the built renderer’s initial JS, gzipped, is within RENDERER_INITIAL_JS_GZIP_BUDGET', () => {
  const bytes = rendererInitialJsGzipBytes(RENDERER)
  expect(bytes).toBeGreaterThan(0)
  expect(bytes).toBeLessThanOrEqual(RENDERER_INITIAL_JS_GZIP_BUDGET)
})

test('the router’s lazy screens are built as their own chunks and not loaded at start', () => {
  const chunks = lazyChunks(RENDERER, readFileSync(join(ROOT, 'src-renderer', 'router.ts'), 'utf8'))
  expect(chunks.length).toBeGreaterThan(0)
  for (const c of chunks) expect(c, `${c.screen} stays lazy`).toMatchObject({ chunk: expect.stringMatching(/^assets\//), loadedAtStart: false })
})
