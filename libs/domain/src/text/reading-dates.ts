/**
 * Dates as people read them, for the web app and for notifications alike: day-month-year with the weekday,
 * moments in the jurisdiction's zone with the zone named, and a deadline at the end of a day said as that
 * day ("by end of Wed 6 Jan 2027"), never as midnight of the next. Pure: Intl only.
 */

/** English reads day-month-year and a 24-hour clock (unambiguous across countries); Chinese its own order. */
function localeOf(language: string): string {
  return language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-GB';
}

function isChinese(language: string): boolean {
  return localeOf(language) === 'zh-CN';
}

type Parts = Partial<Record<Intl.DateTimeFormatPartTypes, string>>;

function partsOf(date: Date, locale: string, options: Intl.DateTimeFormatOptions): Parts {
  const parts: Parts = {};
  for (const part of new Intl.DateTimeFormat(locale, options).formatToParts(date)) parts[part.type] = part.value;
  return parts;
}

/** "Wed 6 Jan 2027" / "2027年1月6日（周三）" for the calendar day of `date` in `timeZone`. */
function dayText(date: Date, timeZone: string, language: string): string {
  const locale = localeOf(language);
  if (isChinese(language)) {
    const p = partsOf(date, locale, { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short' });
    return `${p.year}年${p.month}月${p.day}日（${p.weekday}）`;
  }
  const p = partsOf(date, locale, { timeZone, year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' });
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** A moment in the jurisdiction's local time, with the zone named so nobody reads it as their own. */
export function formatDateTime(iso: string | null | undefined, timeZone: string, language: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  const time = partsOf(date, localeOf(language), {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  });
  return `${dayText(date, timeZone, language)} ${time.hour}:${time.minute} ${time.timeZoneName}`;
}

/** A calendar day (`YYYY-MM-DD`), which has no time zone of its own. */
export function formatDay(day: string, language: string): string {
  return dayText(new Date(`${day}T12:00:00Z`), 'UTC', language);
}

/** The zone's everyday name in the reader's language ("China Standard Time", "中国标准时间"). */
export function zoneName(timeZone: string, language: string, at: string | Date = new Date()): string {
  return partsOf(new Date(at), localeOf(language), { timeZone, timeZoneName: 'long' }).timeZoneName ?? timeZone;
}

/**
 * The day a deadline instant closes, when it closes a day: the API counts a day-based deadline to the last
 * millisecond of its last day (23:59:59.999) or to the midnight that starts the next one. Otherwise undefined.
 */
export function lastDayOf(iso: string, timeZone: string): string | undefined {
  const date = new Date(iso);
  const p = partsOf(date, 'en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const ms = date.getUTCMilliseconds();
  const day = `${p.year}-${p.month}-${p.day}`;
  if (p.hour === '23' && p.minute === '59' && p.second === '59' && ms === 999) return day;
  if (p.hour === '00' && p.minute === '00' && p.second === '00' && ms === 0) {
    const previous = new Date(`${day}T12:00:00Z`);
    previous.setUTCDate(previous.getUTCDate() - 1);
    return previous.toISOString().slice(0, 10);
  }
  return undefined;
}

/** A deadline as words are built from it: the day it closes with the zone's name, or else its moment. */
export type DeadlineParts = { day: string; zone: string } | { moment: string };

export function deadlineParts(
  due: { dueAt: string; dueDate?: string | null },
  timeZone: string,
  language: string,
): DeadlineParts {
  const day = due.dueDate ?? lastDayOf(due.dueAt, timeZone);
  if (day) return { day: formatDay(day, language), zone: zoneName(timeZone, language, due.dueAt) };
  return { moment: formatDateTime(due.dueAt, timeZone, language) };
}
