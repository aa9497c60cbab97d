import { deadlineParts, formatDateTime, formatDay, lastDayOf, zoneName } from './reading-dates';

describe('dates as people read them', () => {
  it('writes a day with its weekday, day first in English and in Chinese order in Chinese', () => {
    expect(formatDay('2027-01-06', 'en')).toBe('Wed 6 Jan 2027');
    expect(formatDay('2027-01-06', 'zh-CN')).toBe('2027年1月6日（周三）');
  });

  it('reads a moment in the jurisdiction’s zone with a 24-hour clock and the zone named', () => {
    expect(formatDateTime('2027-01-06T08:30:00Z', 'Asia/Shanghai', 'en')).toBe('Wed 6 Jan 2027 16:30 GMT+8');
    expect(formatDateTime('2027-01-06T17:30:00Z', 'Asia/Shanghai', 'zh-CN')).toMatch(/^2027年1月7日（周四） 01:30 /);
  });

  it('takes a deadline at the end of a day, or at the midnight after it, as that day', () => {
    expect(lastDayOf('2027-01-06T15:59:59.999Z', 'Asia/Shanghai')).toBe('2027-01-06');
    expect(lastDayOf('2027-01-06T16:00:00.000Z', 'Asia/Shanghai')).toBe('2027-01-06');
    expect(lastDayOf('2027-01-07T00:00:00.000Z', 'UTC')).toBe('2027-01-06');
    expect(lastDayOf('2027-01-06T09:00:00.000Z', 'Asia/Shanghai')).toBeUndefined();
  });

  it('names the zone in the reader’s language', () => {
    expect(zoneName('Asia/Shanghai', 'en')).toBe('China Standard Time');
    expect(zoneName('Asia/Shanghai', 'zh-CN')).toBe('中国标准时间');
  });

  it('gives a deadline as the day it closes with the zone, or as its moment when it closes no day', () => {
    expect(deadlineParts({ dueAt: '2027-01-06T16:00:00.000Z' }, 'Asia/Shanghai', 'en')).toEqual({
      day: 'Wed 6 Jan 2027',
      zone: 'China Standard Time',
    });
    expect(deadlineParts({ dueAt: '2027-01-06T09:30:00.000Z' }, 'Europe/London', 'en')).toEqual({
      moment: 'Wed 6 Jan 2027 09:30 GMT',
    });
  });
});
