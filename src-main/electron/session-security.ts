/**
 * Session-wide protections: the renderer's CSP on every response, and no permission (camera,
 * notifications, geolocation, USB/HID/serial devices, …) is ever granted: the kiosk needs none.
 */
import type { Session } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy'

type WebRequestSession = Pick<Session, 'webRequest'>

export function installContentSecurityPolicy(session: WebRequestSession): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders: Record<string, string[]> = {}
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') responseHeaders[name] = value
    }
    responseHeaders['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY]
    callback({ responseHeaders })
  })
}

export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}
