/** A moment in the jurisdiction's local time, with the zone named so nobody reads it as their own. */
export function formatDateTime(iso: string | null | undefined, timeZone: string, language: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(language, {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** A calendar day (`YYYY-MM-DD`), which has no time zone of its own. */
export function formatDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}
