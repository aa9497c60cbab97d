import Button from 'antd/es/button';
import Input from 'antd/es/input';
import Space from 'antd/es/space';
import Tag from 'antd/es/tag';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '@/components/card';
import { Deadline, Moment } from '@/components/moment';
import { ErrorAlert } from '@/components/page-state';
import { TAG } from '@/components/tag-colors';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/queries';
import { useSession } from '@/lib/auth/auth-context';

type Consultation = Schemas['ConsultationView'];

const STATUS_COLORS: Record<Consultation['status'], string> = {
  invited: TAG.blue,
  answered: TAG.green,
  late: TAG.orange,
  revoked: TAG.grey,
};
const STAFF = new Set(['clerk', 'supervisor', 'auditor']);

/** Under the case's key, so the case's live stream refreshes it with the rest of the page. */
const consultationsKey = (requestId: string) => [...queryKeys.request(requestId), 'consultations'] as const;

/**
 * The officer's view of the consultee bodies a case consulted: each one's status (invited, answered, late, revoked),
 * its due date and what it said; a clerk or supervisor sends a new link or revokes one. Staff only; nothing when the
 * case consulted nobody.
 */
export function ConsulteeResponses({ requestId, timeZone }: { requestId: string; timeZone: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const staff = STAFF.has(user.role);
  const consultations = useQuery({
    queryKey: consultationsKey(requestId),
    queryFn: () => unwrap(api.GET('/requests/{id}/consultations', { params: { path: { id: requestId } } })),
    enabled: staff,
  });
  if (!staff || !consultations.data || consultations.data.length === 0) {
    return consultations.error ? <ErrorAlert error={consultations.error} /> : null;
  }
  const mayAct = user.role === 'clerk' || user.role === 'supervisor';
  return (
    <Card title={<h2 className="ow-card-title">{t('consultees.title')}</h2>} data-testid="consultee-responses">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {consultations.data.map((c) => (
          <ConsulteeEntry key={c.organisation} requestId={requestId} c={c} timeZone={timeZone} mayAct={mayAct} />
        ))}
      </Space>
    </Card>
  );
}

function ConsulteeEntry({
  requestId,
  c,
  timeZone,
  mayAct,
}: {
  requestId: string;
  c: Consultation;
  timeZone: string;
  mayAct: boolean;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [revoking, setRevoking] = useState(false);
  const [reason, setReason] = useState('');
  const path = { id: requestId, organisation: c.organisation };
  const done = () => client.invalidateQueries({ queryKey: queryKeys.request(requestId) });
  const resend = useMutation({
    mutationFn: () => unwrap(api.POST('/requests/{id}/consultations/{organisation}/link', { params: { path } })),
    onSuccess: done,
  });
  const revoke = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/requests/{id}/consultations/{organisation}/revocation', {
          params: { path },
          body: { reason: reason.trim() },
        }),
      ),
    onSuccess: () => {
      setRevoking(false);
      return done();
    },
  });
  return (
    <section aria-label={c.name} data-testid="consultee" data-organisation={c.organisation} data-status={c.status}>
      <Space wrap>
        <strong>{c.name}</strong>
        <Tag color={STATUS_COLORS[c.status]}>{t(`consultees.statuses.${c.status}`)}</Tag>
        {c.position && <span>{t(`consultation.positions.${c.position}`)}</span>}
      </Space>
      <div>
        {t('consultees.dueAt')}: <Deadline dueAt={c.dueAt} timeZone={timeZone} />
        {c.respondedAt && (
          <>
            {' · '}
            {t('consultees.respondedAt')}: <Moment at={c.respondedAt} timeZone={timeZone} />
          </>
        )}
        {' · '}
        {t('consultees.links', { count: c.links })}
      </div>
      {c.text && <p style={{ whiteSpace: 'pre-wrap', margin: '8px 0' }}>{c.text}</p>}
      {c.conditions.length > 0 && (
        <>
          <div>{t('consultees.conditions')}:</div>
          <ol style={{ margin: '4px 0' }}>
            {c.conditions.map((condition, i) => (
              <li key={i}>{condition}</li>
            ))}
          </ol>
        </>
      )}
      {mayAct && c.status !== 'answered' && c.status !== 'late' && (
        <Space wrap style={{ marginTop: 8 }}>
          <Button onClick={() => resend.mutate()} loading={resend.isPending} data-testid="consultee-resend">
            {t('consultees.resend')}
          </Button>
          {c.status === 'invited' && !revoking && (
            <Button className="ow-danger" onClick={() => setRevoking(true)} data-testid="consultee-revoke">
              {t('consultees.revoke')}
            </Button>
          )}
          {revoking && (
            <>
              <Input
                aria-label={t('consultees.revokeReason')}
                placeholder={t('consultees.revokeReason')}
                maxLength={500}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                data-testid="consultee-revoke-reason"
              />
              <Button
                className="ow-danger-solid"
                disabled={!reason.trim()}
                loading={revoke.isPending}
                onClick={() => revoke.mutate()}
                data-testid="consultee-revoke-confirm"
              >
                {t('consultees.confirmRevoke')}
              </Button>
              <Button onClick={() => setRevoking(false)}>{t('consultees.cancel')}</Button>
            </>
          )}
        </Space>
      )}
      {(resend.error ?? revoke.error) && <ErrorAlert error={resend.error ?? revoke.error} />}
    </section>
  );
}
