import Descriptions from 'antd/es/descriptions';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { Deadline } from './moment';

/** What a request for information asks, why, and by when the answer is due (in the case's zone). */
export function InformationRequestFacts({
  request,
  timeZone,
}: {
  request: Schemas['InformationRequestView'];
  timeZone: string;
}) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={1} data-testid="information-request" style={{ marginBottom: 16 }}>
      {request.answerBy && (
        <Descriptions.Item label={t('informationRequest.answerBy')}>
          <Deadline
            dueAt={request.answerBy}
            dueDate={request.answerByDate}
            timeZone={timeZone}
            testId="information-answer-by"
          />
        </Descriptions.Item>
      )}
      {request.reason && (
        <Descriptions.Item label={t('informationRequest.reason')}>
          <span data-testid="information-reason">{request.reason}</span>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
