import Timeline from 'antd/es/timeline';
import { useTranslation } from 'react-i18next';
import { ConditionList, DecisionNotes } from '@/components/decision-details';
import { Typography } from '@/components/typography';
import type { Schemas } from '@/lib/api/client';
import { formatDateTime } from '@/lib/format';

type Transition = Schemas['TransitionView'];

/** The recorded transitions, newest first, with who did what and the conditions attached. */
export function CaseTimeline({ timeline, timeZone }: { timeline: Transition[]; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const items = [...timeline].reverse().map((entry) => ({
    key: entry.seq,
    content: (
      <div data-testid="timeline-entry" data-event={entry.event}>
        <Typography.Text strong>
          {t(`events.${entry.event.replace(/\./g, '_')}`, { defaultValue: entry.event })}
          {entry.stepId ? ` · ${entry.stepId}` : ''}
          {entry.outcome ? ` → ${t(`outcomes.${entry.outcome}`, { defaultValue: entry.outcome })}` : ''}
        </Typography.Text>
        <div>
          <Typography.Text type="secondary">
            {formatDateTime(entry.at, timeZone, i18n.language)} · {entry.actor.id} ({t(`roles.${entry.actor.role}`)})
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
