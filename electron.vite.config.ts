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
    // vue-i18n: the runtime-only build (src-renderer/message-compiler.ts compiles the messages),
    // composition API only, no devtools hooks in the kiosk.
    resolve: { alias: { 'vue-i18n': 'vue-i18n/dist/vue-i18n.runtime.esm-bundler.js' } },
    define: {
      __VUE_I18N_FULL_INSTALL__: 'true',
      __VUE_I18N_LEGACY_API__: 'false',
      __INTLIFY_PROD_DEVTOOLS__: 'false',
      __INTLIFY_DROP_MESSAGE_COMPILER__: 'true',
    },
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
})
