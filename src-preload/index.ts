/**
 * The renderer's only door to main: `window.kiosk` with exactly one function per operation of
 * the contract. ipcRenderer itself never crosses the bridge, so the page cannot pick channels.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { OPERATION_NAMES, channelOf, type KioskApi } from '../src-shared/ipc/contract'

export function buildKioskApi(invoke: (channel: string, input: unknown) => Promise<unknown>): KioskApi {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {}
  for (const name of OPERATION_NAMES) {
    const channel = channelOf(name)
    api[name] = (input) => invoke(channel, input)
  }
  return Object.freeze(api) as unknown as KioskApi
}

contextBridge.exposeInMainWorld(
  'kiosk',
  buildKioskApi((channel, input) => ipcRenderer.invoke(channel, input)),
)
