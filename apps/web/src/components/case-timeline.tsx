import Timeline from 'antd/es/timeline';
import { useTranslation } from 'react-i18next';
import type { ProcessDefinition } from '@onewindow/definition-types';
import { ConditionList, DecisionNotes } from '@/components/decision-details';
import { Typography } from '@/components/typography';
import type { Schemas } from '@/lib/api/client';
import { nameIn, stepTitleIn, useLabel } from '@/lib/definition-labels';
import { Moment } from './moment';

type Transition = Schemas['TransitionView'];

/** The recorded transitions, newest first, with who did what and the conditions attached, in words. */
export function CaseTimeline({
  timeline,
  timeZone,
  definition,
}: {
  timeline: Transition[];
  timeZone: string;
  definition: ProcessDefinition | undefined;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  // People are named by their part in the case: the applicant is "the applicant", staff by role and department.
  const who = (actor: Transition['actor']) => {
    const role = t(`roles.${actor.role}`, { defaultValue: actor.role });
    if (actor.role === 'applicant' || actor.role === 'system') return role;
    if (!actor.department) return t('timeline.person', { role, id: actor.id });
    const department = nameIn('departments', actor.department, definition, t, label);
    return t('timeline.staff', { role, department, id: actor.id });
  };
  // A step's transition and the case's echo of it (same event, same moment) are one thing to a reader.
  const stepEvents = new Set(timeline.filter((e) => e.stepId).map((e) => `${e.event}@${e.at}`));
  const shown = timeline.filter((e) => e.stepId || !stepEvents.has(`${e.event}@${e.at}`));
  const items = [...shown].reverse().map((entry) => ({
    key: entry.seq,
    content: (
      <div data-testid="timeline-entry" data-event={entry.event}>
        <Typography.Text strong>
          {t(`events.${entry.event.replace(/\./g, '_')}`, { defaultValue: entry.event })}
          {entry.stepId ? ` · ${label(stepTitleIn(definition, entry.stepId))}` : ''}
          {entry.outcome ? ` → ${nameIn('outcomes', entry.outcome, definition, t, label)}` : ''}
        </Typography.Text>
        <div>
          <Typography.Text type="secondary">
            <Moment at={entry.at} timeZone={timeZone} /> · <span data-testid="timeline-actor">{who(entry.actor)}</span>
          </Typography.Text>
        </div>
        {entry.reason && <div>{entry.reason}</div>}
        {entry.conditions && entry.conditions.length > 0 && <ConditionList conditions={entry.conditions} />}
        <DecisionNotes entry={entry} />
        {entry.document?.number && (
          <div>
            <Typography.Text type="secondary">
              {t(`issued.kinds.${entry.document.kind}`, { defaultValue: entry.document.kind })} {entry.document.number}
            </Typography.Text>
          </div>
        )}
      </div>
    ),
  }));
  return <Timeline items={items} />;
}
