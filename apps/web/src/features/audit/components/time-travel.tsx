import Slider from 'antd/es/slider';
import Space from 'antd/es/space';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '@/components/card';
import { Typography } from '@/components/typography';
import { CaseHeader } from '@/components/case-header';
import { CaseOverview } from '@/components/case-overview';
import { ErrorAlert, PageLoading } from '@/components/page-state';
import { useDefinition } from '@/lib/api/queries';
import { formatDateTime } from '@/lib/format';
import { useViewAsOf } from '../api';

/**
 * The case after any recorded transition, drawn with the same components as the applicant's request page:
 * the server folds the recorded history through the reducer and reads the clocks at that transition's instant.
 */
export function TimeTravel({ requestId, transitions }: { requestId: string; transitions: number }) {
  const { t, i18n } = useTranslation();
  const [seq, setSeq] = useState(transitions);
  const asOf = useViewAsOf(requestId, transitions > 0 ? seq : undefined);
  const view = asOf.data?.view;
  const definition = useDefinition(view?.definitionKey, view?.definitionVersion);
  if (transitions === 0) return <Typography.Text>{t('audit.travel.none')}</Typography.Text>;
  const timeZone = view?.timeZone ?? 'UTC';
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <label id="time-travel-label" htmlFor="time-travel-slider">
          {t('audit.travel.label')}
        </label>
        <Slider
          id="time-travel-slider"
          data-testid="time-travel"
          min={1}
          max={transitions}
          value={seq}
          onChange={setSeq}
          marks={{ 1: '1', [transitions]: String(transitions) }}
          // The card below names the transition shown; a hover tooltip would only repeat it.
          tooltip={{ formatter: null }}
          ariaLabelledByForHandle="time-travel-label"
          ariaValueTextFormatterForHandle={(n) => t('audit.travel.after', { seq: n })}
        />
      </div>
      {asOf.error && <ErrorAlert error={asOf.error} onRetry={() => void asOf.refetch()} />}
      {!view && !asOf.error && <PageLoading />}
      {view && asOf.data && (
        <Card
          data-testid="case-as-of"
          data-seq={asOf.data.seq}
          title={
            <h3 className="ow-card-title">
              {t('audit.travel.asOf', {
                seq: asOf.data.seq,
                total: asOf.data.totalTransitions,
                at: formatDateTime(asOf.data.at, timeZone, i18n.language),
              })}
            </h3>
          }
        >
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Typography.Title level={4} data-testid="request-title">
              {view.title}
            </Typography.Title>
            <CaseHeader request={view} timeZone={timeZone} />
            <CaseOverview request={view} definition={definition.data} timeZone={timeZone} />
          </Space>
        </Card>
      )}
    </Space>
  );
}
