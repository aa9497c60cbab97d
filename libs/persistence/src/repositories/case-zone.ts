/**
 * SQL for the IANA time zone of a request's jurisdiction, from the latest revision of its calendar, given an SQL
 * expression for the request's id: the zone in which everything of the case is read.
 */
export function caseZoneSql(requestId: string): string {
  return `(SELECT c.calendar->>'timeZone' FROM requests r JOIN calendars c ON c.id = r.jurisdiction
    WHERE r.id = ${requestId} ORDER BY c.revision DESC LIMIT 1)`;
}
