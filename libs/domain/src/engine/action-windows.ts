import { parseInstant, showInstant } from '../calendar/working-calendar';
import { Refusal } from '../domain-error';
import type { ActionWindow, WindowEventAnchor } from '../definition/process-definition.types';
import type { CaseEvent } from './case-event.types';
import type { CaseState } from './case-state.types';
import { dueFrom } from './clock';
import type { CaseView } from './reduction';

function applies(window: ActionWindow, event: CaseEvent): boolean {
  if (window.action !== event.type) return false;
  const stepId = 'stepId' in event ? (event.stepId ?? null) : null;
  if (window.stepId !== undefined && window.stepId !== stepId) return false;
  if (window.outcome !== undefined && (event.type !== 'decide' || event.outcome !== window.outcome)) return false;
  return true;
}

/** When the window's anchor happened: receipt, the (first) completion of a step, or a recorded event. */
function anchorOf(v: CaseView, window: ActionWindow): string | undefined {
  const anchor = window.anchor;
  if (anchor === 'receipt') return v.state.submittedAt;
  if ('event' in anchor) return v.state.windowAnchors?.[window.name];
  return v.state.history.find((h) => h.stepId === anchor.afterStep && h.result === 'completed')?.at;
}

function anchorName(anchor: ActionWindow['anchor']): string {
  if (anchor === 'receipt') return 'receipt';
  if ('afterStep' in anchor) return `'${anchor.afterStep}'`;
  const on = [anchor.stepId && `on '${anchor.stepId}'`, anchor.outcome && `'${anchor.outcome}'`].filter(Boolean);
  return `the ${anchor.restart === false ? 'first' : 'latest'} '${anchor.event}'${on.length ? ` ${on.join(' ')}` : ''}`;
}

function isAnchoredBy(anchor: WindowEventAnchor, event: CaseEvent): boolean {
  if (anchor.event !== event.type) return false;
  if (anchor.stepId !== undefined && ('stepId' in event ? event.stepId : undefined) !== anchor.stepId) return false;
  return anchor.outcome === undefined || (event.type === 'decide' && event.outcome === anchor.outcome);
}

/** Records an applied event that anchors a window: it opens the window afresh, or only the first time. */
export function recordWindowAnchors(windows: ActionWindow[] | undefined, state: CaseState, event: CaseEvent): void {
  for (const window of windows ?? []) {
    const anchor = window.anchor;
    if (anchor === 'receipt' || !('event' in anchor) || !isAnchoredBy(anchor, event)) continue;
    const seen = (state.windowAnchors ??= {});
    if (anchor.restart === false && seen[window.name] !== undefined) continue;
    seen[window.name] = event.at;
  }
}

/** Refuses an action the definition allows only within a window that has closed, naming the window. */
export function windowRefusal(v: CaseView, event: CaseEvent): Refusal | undefined {
  for (const window of v.ctx.definition.actionWindows ?? []) {
    if (!applies(window, event)) continue;
    const anchor = anchorOf(v, window);
    if (anchor === undefined) continue;
    const closesAt = dueFrom(v.calendar, anchor, window.within).dueAt;
    if (parseInstant(v.at) < parseInstant(closesAt)) continue;
    const rule = `${window.action} within ${window.within.value} ${window.within.unit} of ${anchorName(window.anchor)}`;
    return new Refusal(
      'NOT_ALLOWED',
      `the window '${window.name}' (${rule}) closed at ${showInstant(closesAt, v.calendar)}` +
        (window.default ? `; ${window.default}` : ''),
      {
        window: window.name,
        anchor: window.anchor,
        anchoredAt: anchor,
        closedAt: closesAt,
        ...(window.default ? { default: window.default } : {}),
      },
    );
  }
  return undefined;
}
