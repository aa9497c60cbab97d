import { useQuery } from '@tanstack/react-query';
import Alert from 'antd/es/alert';
import Space from 'antd/es/space';
import Tag from 'antd/es/tag';
import { useState, type ChangeEvent, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Card } from '@/components/card';
import { LanguageSwitch } from '@/components/language-switch';
import { Moment } from '@/components/moment';
import { ErrorAlert, PageLoading } from '@/components/page-state';
import { TAG } from '@/components/tag-colors';
import { Typography } from '@/components/typography';
import { api, ApiError, unwrap, type Schemas } from '@/lib/api/client';

type Verification = Schemas['VerificationView'];

const STATUS_COLOURS: Record<Verification['status'], string> = {
  valid: TAG.green,
  varied: TAG.blue,
  suspended: TAG.orange,
  revoked: TAG.red,
  expired: TAG.grey,
};

/**
 * `/verify/<code>`, for anyone holding a document (no sign-in): what it is, who issued it and when, its status
 * now, and a check that a PDF is byte for byte the one issued (hashed in the browser: the file never leaves it).
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const verification = useQuery({
    queryKey: ['verifications', code],
    queryFn: () => unwrap(api.GET('/verifications/{code}', { params: { path: { code } } })),
    retry: false,
  });
  return (
    <main id="main" style={{ maxWidth: 760, margin: '32px auto', padding: 16 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={1}>{t('verify.title')}</Typography.Title>
        <LanguageSwitch />
      </Space>
      <Typography.Paragraph>{t('verify.intro')}</Typography.Paragraph>
      {verification.isPending ? (
        <PageLoading />
      ) : verification.error ? (
        verification.error instanceof ApiError && verification.error.status === 404 ? (
          <Alert type="warning" showIcon message={t('verify.notFound')} data-testid="verify-not-found" />
        ) : (
          <ErrorAlert error={verification.error} onRetry={() => void verification.refetch()} />
        )
      ) : (
        <VerificationCard verification={verification.data} />
      )}
    </main>
  );
}

function VerificationCard({ verification: v }: { verification: Verification }) {
  const { t } = useTranslation();
  // Read in the issuing jurisdiction's zone, as the document prints them; UTC on hover.
  const when = (iso: string) => <Moment at={iso} timeZone={v.timeZone} />;
  const rows: Array<[string, React.ReactNode]> = [
    [t('verify.kind'), t(`issued.kinds.${v.kind}`, { defaultValue: v.kind })],
    [t('verify.number'), <span data-testid="verify-number">{v.number}</span>],
    [t('verify.issuer'), v.issuer],
    [t('verify.issuedAt'), when(v.issuedAt)],
    ...(v.validUntil ? ([[t('verify.validUntil'), when(v.validUntil)]] as Array<[string, React.ReactNode]>) : []),
    ...v.renditions.map(
      (r) =>
        [t('verify.sha256', { language: t(`issued.languages.${r.language}`) }), <code>{r.sha256}</code>] as [
          string,
          React.ReactNode,
        ],
    ),
  ];
  return (
    <Card title={<h2 className="ow-card-title">{t(`issued.kinds.${v.kind}`, { defaultValue: v.kind })}</h2>}>
      <p>
        {t('verify.status')}:{' '}
        <Tag color={STATUS_COLOURS[v.status]} data-testid="verify-status" data-status={v.status}>
          {t(`issued.statuses.${v.status}`)}
        </Tag>
      </p>
      {v.statusReason && (
        <p data-testid="verify-status-reason">
          {t('verify.statusReason')}: {v.statusReason}
          {v.statusAt && (
            <>
              {' · '}
              {t('verify.since')} {when(v.statusAt)}
            </>
          )}
        </p>
      )}
      {v.supersededBy && (
        <p>
          {t('verify.newer')}: <Link to={`/verify/${v.supersededBy}`}>{v.supersededBy}</Link>
        </p>
      )}
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px', wordBreak: 'break-all' }}>
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt style={{ fontWeight: 600 }}>{label}</dt>
            <dd style={{ margin: 0 }}>{value}</dd>
          </div>
        ))}
      </dl>
      <FileCheck renditions={v.renditions} />
    </Card>
  );
}

/** Hashes a dropped PDF in the browser and compares it with the hashes of the issued renditions. */
function FileCheck({ renditions }: { renditions: Verification['renditions'] }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<{ language: string } | 'no-match' | undefined>();
  const check = async (file: File | undefined) => {
    if (!file) return;
    const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const match = renditions.find((r) => r.sha256 === hex);
    setResult(match ? { language: match.language } : 'no-match');
  };
  return (
    <div
      style={{ marginTop: 16, padding: 16, border: '2px dashed #8c8c8c', borderRadius: 8 }}
      onDragOver={(e: DragEvent) => e.preventDefault()}
      onDrop={(e: DragEvent) => {
        e.preventDefault();
        void check(e.dataTransfer.files[0]);
      }}
    >
      <label>
        {t('verify.drop')}
        <br />
        <input
          type="file"
          accept="application/pdf"
          data-testid="verify-file"
          onChange={(e: ChangeEvent<HTMLInputElement>) => void check(e.target.files?.[0])}
        />
      </label>
      {result === 'no-match' && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          message={t('verify.noMatch')}
          data-testid="verify-result"
        />
      )}
      {result && result !== 'no-match' && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          message={t('verify.match', { language: t(`issued.languages.${result.language}`) })}
          data-testid="verify-result"
        />
      )}
    </div>
  );
}
