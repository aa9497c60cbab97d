const OPEN_STATUSES = new Set(['in_progress', 'awaiting_applicant', 'under_appeal']);

/** Who may file a version: the request's own applicant, clerks and supervisors on the case, while it is open. */
export function mayUploadDocuments(
  user: { id: string; role: string },
  request: { applicantId: string; status: string },
): boolean {
  if (!OPEN_STATUSES.has(request.status)) return false;
  if (user.role === 'applicant') return user.id === request.applicantId;
  return user.role === 'clerk' || user.role === 'supervisor';
}
