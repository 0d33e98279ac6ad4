// Preloaded into electronegativity by scripts/electronegativity-gate.mjs (1.10.3):
// - its `got` (used only to fetch translations and Electron's release list) fails at once, so
//   the gate never touches the network and answers the same offline; the Electron version is
//   passed with -e instead;
// - it writes the CSV header and the rows with two concurrent fs.writeFile calls, which can
//   truncate the report; writes to the report file (ELECTRONEGATIVITY_REPORT) are made in order.
'use strict'
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS module: require is its import */
const fs = require('node:fs')
const Module = require('node:module')

const offline = () => Promise.reject(new Error('electronegativity runs offline here'))
offline.head = offline
offline.get = offline

const originalLoad = Module._load
Module._load = function (request, parent, isMain) {
  if (request === 'got' && parent && /[\\/]@doyensec[\\/]electronegativity[\\/]/.test(parent.filename)) return { default: offline, __esModule: true }
  return originalLoad.call(this, request, parent, isMain)
}

const report = process.env.ELECTRONEGATIVITY_REPORT
const originalWriteFile = fs.writeFile
fs.writeFile = function (file, data, options, callback) {
  if (report === undefined || file !== report) return originalWriteFile.apply(this, arguments)
  const done = typeof options === 'function' ? options : callback
  try {
    fs.writeFileSync(file, data, typeof options === 'function' ? undefined : options)
    if (done) process.nextTick(done, null)
  } catch (error) {
    if (done) process.nextTick(done, error)
  }
}
