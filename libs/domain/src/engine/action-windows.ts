import { parseInstant, showInstant } from '../calendar/working-calendar';
import { Refusal } from '../domain-error';
import type { ActionWindow } from '../definition/process-definition.types';
import type { CaseEvent } from './case-event.types';
import { dueFrom } from './clock';
import type { CaseView } from './reduction';

function applies(window: ActionWindow, event: CaseEvent): boolean {
  if (window.action !== event.type) return false;
  const stepId = 'stepId' in event ? (event.stepId ?? null) : null;
  if (window.stepId !== undefined && window.stepId !== stepId) return false;
  if (window.outcome !== undefined && (event.type !== 'decide' || event.outcome !== window.outcome)) return false;
  return true;
}

/** When the window's anchor happened: receipt, or the (first) completion of a step; undefined before that. */
function anchorOf(v: CaseView, window: ActionWindow): string | undefined {
  if (window.anchor === 'receipt') return v.state.submittedAt;
  const { afterStep } = window.anchor;
  return v.state.history.find((h) => h.stepId === afterStep && h.result === 'completed')?.at;
}

/** Refuses an action the definition allows only within a window that has closed, naming the window. */
export function windowRefusal(v: CaseView, event: CaseEvent): Refusal | undefined {
  for (const window of v.ctx.definition.actionWindows ?? []) {
    if (!applies(window, event)) continue;
    const anchor = anchorOf(v, window);
    if (anchor === undefined) continue;
    const closesAt = dueFrom(v.calendar, anchor, window.within).dueAt;
    if (parseInstant(v.at) < parseInstant(closesAt)) continue;
    const from = window.anchor === 'receipt' ? 'receipt' : `'${window.anchor.afterStep}'`;
    const rule = `${window.action} within ${window.within.value} ${window.within.unit} of ${from}`;
    return new Refusal(
      'NOT_ALLOWED',
      `the window '${window.name}' (${rule}) closed at ${showInstant(closesAt, v.calendar)}` +
        (window.default ? `; ${window.default}` : ''),
      { window: window.name, closedAt: closesAt, ...(window.default ? { default: window.default } : {}) },
    );
  }
  return undefined;
}
