import { useTranslation } from 'react-i18next';
import { Typography } from '@/components/typography';
import type { Schemas } from '@/lib/api/client';

type Condition = Schemas['ConditionView'];

/** Conditions as the decision recorded them: each with its reason and the policy it rests on. */
export function ConditionList({ conditions, testId }: { conditions: Condition[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <ul aria-label={t('request.conditions')} data-testid={testId}>
      {conditions.map((c, i) => (
        <li key={`${i}-${c.text}`}>
          {c.text}
          {c.reason && (
            <div>
              <Typography.Text type="secondary">
                {t('decision.reasonLabel')}: {c.reason}
                {c.policy ? ` · ${t('decision.policyLabel')}: ${c.policy}` : ''}
              </Typography.Text>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A decision's informatives and the reasons of a refusal, each on its own line. */
export function DecisionNotes({
  entry,
}: {
  entry: Pick<Schemas['TransitionView'], 'informatives' | 'refusalReasons'>;
}) {
  const { t } = useTranslation();
  return (
    <>
      {entry.refusalReasons && entry.refusalReasons.length > 0 && (
        <ol aria-label={t('decision.refusalReasons')}>
          {entry.refusalReasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ol>
      )}
      {entry.informatives && entry.informatives.length > 0 && (
        <ul aria-label={t('decision.informatives')}>
          {entry.informatives.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      )}
    </>
  );
}
