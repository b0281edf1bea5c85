// QR code of the otpauth URI, generated in the browser (the secret never
// leaves the page) as an SVG data: URL (allowed by the CSP's img-src data:).
import QRCode from 'qrcode';

export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
