// Stands in for the `electron` module when electron-updater runs in plain Node (no Electron
// binary here). Only what electron-updater touches: `app` (version, paths, lifecycle), `net`
// (requests go out through node:http; Electron's net has the same ClientRequest shape) and
// `session.fromPartition`. Settings live on `standIn` for the test to adjust.
'use strict'
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS module: require is its import */
const http = require('node:http')
const { EventEmitter } = require('node:events')

const standIn = { version: '1.0.0', userData: '', appPath: '', requests: [] }

const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  getVersion: () => standIn.version,
  getName: () => 'cet-kiosk',
  getAppPath: () => standIn.appPath,
  getPath: () => standIn.userData,
  whenReady: () => Promise.resolve(),
  quit() {},
  relaunch() {},
})

const net = {
  request(options) {
    // Electron-only options that node:http does not know.
    const { session: _session, redirect: _redirect, ...nodeOptions } = options
    standIn.requests.push(nodeOptions.path)
    return http.request(nodeOptions)
  },
}

module.exports = {
  app,
  net,
  session: { fromPartition: () => ({}) },
  autoUpdater: new EventEmitter(),
  standIn,
}
