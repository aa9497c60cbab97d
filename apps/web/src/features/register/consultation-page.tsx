import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import Radio from 'antd/es/radio';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Card } from '@/components/card';
import { Deadline, Moment } from '@/components/moment';
import { ErrorAlert, PageLoading } from '@/components/page-state';
import { ApiError } from '@/lib/api/client';
import {
  useConsulteeInvitation,
  useRespondToConsultation,
  type ConsultationResponse,
  type ConsulteeInvitation,
} from './api';
import { Facts, RegisterLayout } from './register-layout';

const POSITIONS = ['no-objection', 'comments', 'objection'] as const;
/** As the API allows. */
const MAX_LENGTH = 10_000;
/** Why a link opens nothing, as the API says it in `details.reason`. */
const REFUSALS = ['invalid', 'expired', 'revoked', 'replaced'] as const;

/**
 * `/consultation/<token>`: the page a consultee body's invitation links to. No account: the link is for one body on
 * one application; the body reads what it is consulted on and by when, and answers once.
 */
export function ConsultationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const invitation = useConsulteeInvitation(token);
  return (
    <RegisterLayout title={t('consultation.title')}>
      {invitation.isPending ? (
        <PageLoading />
      ) : invitation.error ? (
        <Refused error={invitation.error} />
      ) : (
        <Consultation token={token} invitation={invitation.data} />
      )}
    </RegisterLayout>
  );
}

/** A link that opens nothing says why in words, and what to do: ask the authority for a new one. */
function Refused({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const reason = error instanceof ApiError ? (error.details?.reason as string | undefined) : undefined;
  if (!reason || !(REFUSALS as readonly string[]).includes(reason)) return <ErrorAlert error={error} />;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      message={t(`consultation.refused.${reason}`)}
      description={t('consultation.refused.ask')}
      data-testid="consultation-refused"
      data-reason={reason}
    />
  );
}

function Consultation({ token, invitation }: { token: string; invitation: ConsulteeInvitation }) {
  const { t } = useTranslation();
  const respond = useRespondToConsultation(token);
  const current = respond.data ?? invitation;
  return (
    <>
      <p>{t('consultation.intro', { organisation: current.organisation })}</p>
      <Facts
        rows={[
          [t('consultation.application'), current.title],
          ...(current.reference ? ([[t('consultation.reference'), current.reference]] as Array<[string, string]>) : []),
          ...(current.siteAddress
            ? ([[t('consultation.siteAddress'), current.siteAddress]] as Array<[string, string]>)
            : []),
          [
            t('consultation.dueAt'),
            <Deadline key="due" dueAt={current.dueAt} timeZone={current.timeZone} testId="consultation-due" />,
          ],
        ]}
      />
      {current.status === 'answered' ? (
        <Alert
          type="success"
          showIcon
          data-testid="consultation-answered"
          message={t(current.late ? 'consultation.answeredLate' : 'consultation.answered')}
          description={<Moment at={current.respondedAt} timeZone={current.timeZone} />}
        />
      ) : (
        <ResponseForm respond={respond} late={current.late} />
      )}
    </>
  );
}

function ResponseForm({ respond, late }: { respond: ReturnType<typeof useRespondToConsultation>; late: boolean }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ConsultationResponse>({ position: 'no-objection', text: '' });
  const [conditions, setConditions] = useState('');
  const send = (e: FormEvent) => {
    e.preventDefault();
    const listed = conditions
      .split('\n')
      .map((c) => c.trim())
      .filter((c) => c.length > 0);
    respond.mutate({ ...draft, conditions: listed });
  };
  const needsText = draft.position !== 'no-objection';
  return (
    <Card title={<h2 className="ow-card-title">{t('consultation.form')}</h2>} style={{ marginTop: 16 }}>
      <form onSubmit={send} aria-label={t('consultation.form')} data-testid="consultation-form">
        {late && <Alert type="warning" showIcon message={t('consultation.late')} style={{ marginBottom: 12 }} />}
        <fieldset style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
          <legend style={{ fontWeight: 600 }}>{t('consultation.position')}</legend>
          <Radio.Group
            value={draft.position}
            onChange={(e) => setDraft({ ...draft, position: e.target.value as ConsultationResponse['position'] })}
            options={POSITIONS.map((p) => ({ value: p, label: t(`consultation.positions.${p}`) }))}
            data-testid="consultation-position"
          />
        </fieldset>
        <label style={{ display: 'block', fontWeight: 600, marginBottom: 12 }}>
          {t(needsText ? 'consultation.text' : 'consultation.textOptional')}
          <Input.TextArea
            required={needsText}
            rows={6}
            maxLength={MAX_LENGTH}
            showCount
            value={draft.text}
            onChange={(e) => setDraft({ ...draft, text: e.target.value })}
            data-testid="consultation-text"
          />
        </label>
        <label style={{ display: 'block', fontWeight: 600, marginBottom: 12 }}>
          {t('consultation.conditions')}
          <Input.TextArea
            rows={3}
            value={conditions}
            onChange={(e) => setConditions(e.target.value)}
            data-testid="consultation-conditions"
          />
        </label>
        <p>{t('consultation.onRecord')}</p>
        {respond.error && <ErrorAlert error={respond.error} />}
        <Button type="primary" htmlType="submit" loading={respond.isPending} data-testid="consultation-submit">
          {t('consultation.submit')}
        </Button>
      </form>
    </Card>
  );
}
