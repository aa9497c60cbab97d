import { addMonths } from './working-calendar';

/*
 * The corresponding-day rule of BGB §188(2)-(3) (and England's, Dodds v Walker [1980] 1 WLR 1061): a period of
 * months ends on the day of the last month with the starting day's number; where that month is too short, on
 * its last day. "Beginning with" the starting day (BGB §187(2), §188(2) second case) ends the day before.
 */
describe(addMonths.name, () => {
  it.each([
    ['2026-01-31', 1, 'after', '2026-02-28'], // §188(3): no 31 February
    ['2028-01-31', 1, 'after', '2028-02-29'], // a leap year
    ['2026-03-31', 1, 'after', '2026-04-30'],
    ['2026-11-15', 3, 'after', '2027-02-15'], // over the year end
    ['2026-03-01', 1, 'beginning-with', '2026-03-31'], // 1 March counts: the month ends on 31 March
    ['2026-01-04', 3, 'beginning-with', '2026-04-03'],
    ['2026-01-31', 1, 'beginning-with', '2026-02-28'], // no 31 February: the last day of the month
    ['2026-12-01', 1, 'beginning-with', '2026-12-31'],
  ] as const)('%s plus %i months counted %s ends on %s', (from, months, counting, last) => {
    expect(addMonths(from, months, counting)).toBe(last);
  });
});
