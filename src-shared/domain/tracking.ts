/**
 * Tracking numbers (送り状番号) as stored: half-width, without spaces or dashes, so that a
 * scanner's digits, a typed "1234-5678-9012" and a full-width copy all find the same parcel.
 */
export function canonicalTrackingNo(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[-‐‑‒–—―−ｰー－]/g, '');
}

export const TRACKING_NO_PATTERN = /^[0-9A-Za-z]{8,20}$/;

/** The forms a stored tracking number may have (older rows keep the 4-4-4 dashes). */
export function trackingNoForms(canonical: string): string[] {
  const forms = [canonical];
  if (/^\d{12}$/.test(canonical)) forms.push(`${canonical.slice(0, 4)}-${canonical.slice(4, 8)}-${canonical.slice(8)}`);
  return forms;
}
