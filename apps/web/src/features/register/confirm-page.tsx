import Alert from 'antd/es/alert';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageLoading } from '@/components/page-state';
import { useConfirmComment } from './api';
import { RegisterLayout } from './register-layout';

/** `/register/<reference>/confirm?token=…`: the link of the confirmation message; the comment counts from here. */
export function ConfirmPage() {
  const { t } = useTranslation();
  const { reference = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmComment();
  const { mutate } = confirm;
  useEffect(() => mutate(token), [mutate, token]);
  return (
    <RegisterLayout title={t('register.comments.confirmTitle')}>
      {confirm.isSuccess ? (
        <Alert type="success" showIcon message={t('register.comments.confirmed')} data-testid="comment-confirmed" />
      ) : confirm.isError ? (
        <Alert type="error" showIcon message={t('register.comments.badLink')} data-testid="comment-not-confirmed" />
      ) : (
        <PageLoading />
      )}
      <p style={{ marginTop: 16 }}>
        <Link to={`/register/${encodeURIComponent(reference)}`}>{t('register.comments.back')}</Link>
      </p>
    </RegisterLayout>
  );
}
