/**
 * The renderer's initial JavaScript stays within its gzip budget (issue #8): `npm test` runs this
 * after the build, so a screen that pulls a large library in fails here, not in registration week.
 */
import { join } from 'node:path'
import { rendererInitialJsGzipBytes, RENDERER_INITIAL_JS_GZIP_BUDGET } from '../../src-main/bench/renderer-size'
import { expect, test } from './fixtures'

test('the built renderer’s initial JS, gzipped, is within RENDERER_INITIAL_JS_GZIP_BUDGET', () => {
  const bytes = rendererInitialJsGzipBytes(join(import.meta.dirname, '..', '..', 'out', 'renderer'))
  expect(bytes).toBeGreaterThan(0)
  expect(bytes).toBeLessThanOrEqual(RENDERER_INITIAL_JS_GZIP_BUDGET)
})
