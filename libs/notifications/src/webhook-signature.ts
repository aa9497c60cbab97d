import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-onewindow-signature';
export const TIMESTAMP_HEADER = 'x-onewindow-timestamp';
export const DELIVERY_HEADER = 'x-onewindow-delivery';
/** A receiver refuses deliveries signed longer ago than this (replay protection). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** `v1=` hex HMAC-SHA256 over `${timestamp}.${body}` with the recipient's webhook secret. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The receiver's check: a fresh timestamp and a matching signature, compared in constant time. */
export function verifyWebhook(
  secret: string,
  headers: { signature?: string; timestamp?: string },
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(headers.signature ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
