import Descriptions from 'antd/es/descriptions';
import { useTranslation } from 'react-i18next';
import { useProcessName } from '@/lib/definition-labels';
import type { RequestDetail } from '@/lib/api/client';
import { Moment } from './moment';
import { StatusTag } from './status-tag';

/** The heading facts of a request. */
export function CaseHeader({ request, timeZone }: { request: RequestDetail; timeZone: string }) {
  const { t } = useTranslation();
  const processName = useProcessName();
  return (
    <Descriptions size="small" column={{ xs: 1, md: 3 }}>
      <Descriptions.Item label={t('requests.status')}>
        <span data-testid="request-status">
          <StatusTag status={request.status} />
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('requests.type')}>
        {processName(request.definitionKey)} v{request.definitionVersion}
      </Descriptions.Item>
      <Descriptions.Item label={t('request.submitted')}>
        <Moment at={request.submittedAt} timeZone={timeZone} />
      </Descriptions.Item>
    </Descriptions>
  );
}
