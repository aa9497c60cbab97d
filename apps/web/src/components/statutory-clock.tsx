import Descriptions from 'antd/es/descriptions';
import Progress from 'antd/es/progress';
import Tag from 'antd/es/tag';
import { useTranslation } from 'react-i18next';
import type { ClockView } from '@/lib/api/client';
import { Deadline } from './moment';
import { TAG } from './tag-colors';

/** Used, left, due and, while stopped, why: the statutory clock as the law counts it. */
export function StatutoryClock({ clock, timeZone }: { clock: ClockView; timeZone: string }) {
  const { t } = useTranslation();
  const unit = (n: number) =>
    clock.unit === 'milliseconds'
      ? t('clock.minutes', { count: Math.round(n / 60_000) })
      : t(`clock.${clock.unit}`, { count: n });
  const percent = clock.allowed > 0 ? Math.min(100, Math.round((clock.used / clock.allowed) * 100)) : 0;
  return (
    <section aria-label={t('clock.title')} data-testid="statutory-clock">
      <Progress
        percent={percent}
        status={clock.overdue ? 'exception' : clock.paused ? 'normal' : 'active'}
        aria-label={t('clock.progress', { percent })}
        showInfo={false}
      />
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('clock.state')}>
          {clock.overdue ? (
            <Tag color={TAG.red}>{t('clock.overdue')}</Tag>
          ) : clock.paused ? (
            <Tag color={TAG.orange}>{t('clock.paused')}</Tag>
          ) : (
            <Tag color={TAG.blue}>{t('clock.running')}</Tag>
          )}
          {clock.provisional && (
            <Tag color={TAG.orange} title={t('clock.provisionalHint')}>
              {t('clock.provisional')}
            </Tag>
          )}
        </Descriptions.Item>
        {clock.paused && (
          <Descriptions.Item label={t('clock.pausedBecause')}>
            <span data-testid="clock-paused-by">
              {clock.pausedBy
                .map((reason) => {
                  const [kind = reason, detail = ''] = reason.split(/:(.*)/);
                  return t(`clock.reasons.${kind}`, { detail });
                })
                .join('; ')}
            </span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('clock.used')}>
          <span data-testid="clock-used">{unit(clock.used)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('clock.left')}>
          <span data-testid="clock-left">{unit(Math.max(0, clock.remaining))}</span>
        </Descriptions.Item>
        <Descriptions.Item label={clock.paused ? t('clock.dueIfResumed') : t('clock.due')}>
          <Deadline dueAt={clock.dueAt} dueDate={clock.dueDate} timeZone={timeZone} testId="clock-due" />
        </Descriptions.Item>
      </Descriptions>
    </section>
  );
}
