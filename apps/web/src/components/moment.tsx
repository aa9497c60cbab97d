import { useTranslation } from 'react-i18next';
import { deadlineParts, formatDateTime } from '@/lib/format';

/** The same instant in UTC, on hover: what an auditor compares with the records. */
function utcTitle(iso: string, language: string): string {
  return formatDateTime(iso, 'UTC', language);
}

/** A recorded moment in the case's zone, UTC on hover. */
export function Moment({ at, timeZone, testId }: { at: string | null | undefined; timeZone: string; testId?: string }) {
  const { i18n } = useTranslation();
  if (!at) return <>—</>;
  return (
    <time dateTime={at} title={utcTitle(at, i18n.language)} data-testid={testId}>
      {formatDateTime(at, timeZone, i18n.language)}
    </time>
  );
}

/** The words a deadline is said in: one phrase for a day-based one (`day`, `zone`), one for a moment (`moment`). */
export interface DeadlinePhrasing {
  day: string;
  moment: string;
}

const BY: DeadlinePhrasing = { day: 'dates.byEndOf', moment: 'dates.by' };

/** A deadline's words: a day-based one "by end of Wed 6 Jan 2027 (China Standard Time)", else "by" its moment. */
export function deadlineText(
  t: (key: string, options: Record<string, string>) => string,
  due: { dueAt: string; dueDate?: string | null },
  timeZone: string,
  language: string,
  phrasing: DeadlinePhrasing = BY,
): string {
  const parts = deadlineParts(due, timeZone, language);
  return 'day' in parts ? t(phrasing.day, parts) : t(phrasing.moment, parts);
}

/** A deadline in the case's zone, named; UTC on hover. `phrasing` says it otherwise than "by …" (e.g. an end past). */
export function Deadline({
  dueAt,
  dueDate,
  timeZone,
  testId,
  phrasing,
}: {
  dueAt: string | null | undefined;
  dueDate?: string | null;
  timeZone: string;
  testId?: string;
  phrasing?: DeadlinePhrasing;
}) {
  const { t, i18n } = useTranslation();
  if (!dueAt) return <>—</>;
  return (
    <time dateTime={dueAt} title={utcTitle(dueAt, i18n.language)} data-testid={testId}>
      {deadlineText((key, options) => t(key, options), { dueAt, dueDate }, timeZone, i18n.language, phrasing)}
    </time>
  );
}
