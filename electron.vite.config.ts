import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'

/**
 * One build for three runtimes. Main builds three Node entries that share the services:
 * `index` (Electron), `host` (the headless host: same services, renderer over HTTP) and
 * `central` (the reference central service). The preload is bundled whole as CommonJS because a
 * sandboxed preload can require nothing but `electron`.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/index.ts'),
          host: resolve(__dirname, 'src-main/host/cli.ts'),
          central: resolve(__dirname, 'src-central/cli.ts'),
          // 数据导入's worker thread, started by main from beside these files.
          'roster-import-worker': resolve(__dirname, 'src-main/import/roster-import-worker.ts'),
          // `npm run bench` (left out of installers by electron-builder.yml).
          bench: resolve(__dirname, 'src-main/bench/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [vue()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
})
