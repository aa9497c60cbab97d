import type { UtcOffsets } from '../time-zone';
import generated from './utc-offsets.generated.json';

/** The built-in calendars' zone offsets by calendar id, written by `npm run calendars:zones`. */
export const BUILT_IN_UTC_OFFSETS: Record<string, UtcOffsets> = generated;
