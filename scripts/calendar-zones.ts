// Writes the built-in calendars' zone offsets, generated from the IANA time-zone database package over each
// one's coverage years. Run it after upgrading the package or raising a coverage; a unit spec
// (zone-offsets.spec.ts) fails until then.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtInCalendars } from '../libs/domain/src/calendar/calendars';
import { utcOffsetsOf } from '../apps/api/src/modules/definitions/zone-offsets';

const TARGET = join(__dirname, '..', 'libs', 'domain', 'src', 'calendar', 'calendars', 'utc-offsets.generated.json');

const offsets = Object.fromEntries(
  builtInCalendars.map((c) => {
    if (!c.timeZone || !c.coverage) throw new Error(`built-in calendar '${c.id}' needs a time zone and coverage`);
    const years = { from: Number(c.coverage.from.slice(0, 4)), to: Number(c.coverage.to.slice(0, 4)) };
    return [c.id, utcOffsetsOf(c.timeZone, years.from, years.to)];
  }),
);
writeFileSync(TARGET, `${JSON.stringify(offsets, null, 2)}\n`);
console.log(`wrote ${TARGET}`);
