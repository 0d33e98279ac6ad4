/**
 * P3: the QR code of an order's payment page, drawn by the `qrcode` library as SVG and shown as
 * a data: image (the CSP allows img-src data:), so it stays sharp at any size a phone needs.
 */
import QRCode from 'qrcode'

export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}
