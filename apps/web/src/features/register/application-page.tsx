import Alert from 'antd/es/alert';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Card } from '@/components/card';
import { ErrorAlert, PageLoading } from '@/components/page-state';
import { StatusTag } from '@/components/status-tag';
import { Typography } from '@/components/typography';
import { ApiError } from '@/lib/api/client';
import { useLabel } from '@/lib/definition-labels';
import { Moment } from '@/components/moment';
import { usePublishedApplication, type PublishedApplication } from './api';
import { CommentsSection } from './comments-section';
import { Facts, RegisterLayout } from './register-layout';

/** `/register/<reference>`: one application as published, and how anyone checks the copy against the record. */
export function ApplicationPage() {
  const { t } = useTranslation();
  const { reference = '' } = useParams();
  const application = usePublishedApplication(reference);
  return (
    <RegisterLayout title={application.data?.description ?? t('register.application')}>
      {application.isPending ? (
        <PageLoading />
      ) : application.error ? (
        application.error instanceof ApiError && application.error.status === 404 ? (
          <Alert type="warning" showIcon message={t('register.notFound')} data-testid="register-not-found" />
        ) : (
          <ErrorAlert error={application.error} onRetry={() => void application.refetch()} />
        )
      ) : (
        <ApplicationDetail application={application.data} />
      )}
    </RegisterLayout>
  );
}

function ApplicationDetail({ application: a }: { application: PublishedApplication }) {
  const { t } = useTranslation();
  const label = useLabel();
  const when = (iso: string | null) => <Moment at={iso} timeZone={a.timeZone} />;
  // The site address has its own row above.
  const attributes = Object.entries(a.attributes)
    .filter(([key]) => key !== 'siteAddress')
    .map(
      ([key, value]) =>
        [
          label(a.attributeLabels[key]) || key,
          t(`register.values.${String(value)}`, { defaultValue: String(value) }),
        ] as [string, string],
    );
  return (
    <>
      <Card title={<h2 className="ow-card-title">{t('register.summary')}</h2>} data-testid="register-detail">
        <Facts
          rows={[
            [t('register.reference'), <code>{a.reference}</code>],
            [t('register.process'), label(a.process)],
            [t('register.address'), a.siteAddress ?? '—'],
            [t('register.status'), <StatusTag status={a.status} />],
            ...(a.decision
              ? ([[t('register.decision'), t(`outcomes.${a.decision}`, { defaultValue: a.decision })]] as Array<
                  [string, string]
                >)
              : []),
            [t('register.receivedAt'), when(a.receivedAt)],
            [t('register.publishedAt'), when(a.publishedAt)],
            ...(a.decidedAt ? ([[t('register.decidedAt'), when(a.decidedAt)]] as Array<[string, ReactNode]>) : []),
            ...attributes,
          ]}
        />
      </Card>
      <Card title={<h2 className="ow-card-title">{t('register.proof.title')}</h2>} style={{ marginTop: 16 }}>
        <Typography.Paragraph>{t('register.proof.intro')}</Typography.Paragraph>
        <Facts
          rows={[
            [t('register.proof.sha256'), <code data-testid="register-sha256">{a.publication.sha256}</code>],
            [t('register.proof.source'), <code>{a.publication.sourceHash}</code>],
            [t('register.proof.seq'), String(a.publication.seq)],
          ]}
        />
        <details style={{ marginTop: 12 }}>
          <summary>{t('register.proof.json')}</summary>
          <pre style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: 12 }}>{a.publication.json}</pre>
        </details>
      </Card>
      <CommentsSection application={a} />
    </>
  );
}
