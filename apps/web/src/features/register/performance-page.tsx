import { useTranslation } from 'react-i18next';
import { Card } from '@/components/card';
import { EmptyState, ErrorAlert, PageLoading } from '@/components/page-state';
import { Typography } from '@/components/typography';
import { useLabel } from '@/lib/definition-labels';
import { usePerformance, type QuarterPerformance } from './api';
import { Facts, RegisterLayout } from './register-layout';

/** `/register/performance`: per process and quarter, how many cases came in and were decided, and how fast. */
export function PerformancePage() {
  const { t } = useTranslation();
  const performance = usePerformance();
  return (
    <RegisterLayout title={t('register.performance.title')}>
      <Typography.Paragraph>{t('register.performance.intro')}</Typography.Paragraph>
      {performance.isPending ? (
        <PageLoading />
      ) : performance.error ? (
        <ErrorAlert error={performance.error} onRetry={() => void performance.refetch()} />
      ) : performance.data.quarters.length === 0 ? (
        <EmptyState message={t('register.performance.empty')} />
      ) : (
        <ul className="ow-register-list" data-testid="performance-list">
          {performance.data.quarters.map((q) => (
            <QuarterCard key={`${q.definitionKey}-${q.quarter}`} quarter={q} />
          ))}
        </ul>
      )}
    </RegisterLayout>
  );
}

function QuarterCard({ quarter: q }: { quarter: QuarterPerformance }) {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <li>
      <Card
        size="small"
        data-testid="performance-quarter"
        data-key={q.definitionKey}
        title={
          <h2 className="ow-card-title">
            {label(q.process)} · {q.quarter}
          </h2>
        }
      >
        <Facts
          rows={[
            [t('register.performance.received'), number.format(q.received)],
            [t('register.performance.decided'), number.format(q.decided)],
            [
              t('register.performance.medianDays'),
              q.medianWorkingDays == null ? '—' : number.format(q.medianWorkingDays),
            ],
            [
              t('register.performance.withinPeriod'),
              q.withinPeriodShare == null ? '—' : percent.format(q.withinPeriodShare),
            ],
          ]}
        />
      </Card>
    </li>
  );
}
