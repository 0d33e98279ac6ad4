/**
 * Where the built pieces sit, from the app's root (the project folder, or app.asar when
 * packaged). Taken from app.getAppPath() rather than import.meta.url because the bundler may
 * move this module into a shared chunk.
 */
import { join } from 'node:path'
import { app } from 'electron'

const APP_DIR = app.getAppPath()

export const PRELOAD_PATH = join(APP_DIR, 'out', 'preload', 'index.cjs')
export const RENDERER_ROOT = join(APP_DIR, 'out', 'renderer')
