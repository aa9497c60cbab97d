import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Checkbox from 'antd/es/checkbox';
import Input from 'antd/es/input';
import Radio from 'antd/es/radio';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '@/components/card';
import { EmptyState, ErrorAlert } from '@/components/page-state';
import { Deadline, Moment, type DeadlinePhrasing } from '@/components/moment';
import { usePublishedComments, useSubmitComment, type NewComment, type PublishedApplication } from './api';

const SENTIMENTS: Array<NewComment['sentiment']> = ['support', 'neutral', 'object'];
const TOPICS: NewComment['topics'] = ['design', 'use', 'light', 'privacy', 'access', 'noise', 'traffic', 'other'];
const MAX_LENGTH = 5000;
/** How the end of a period already over is said: "at the end of Mon 28 Dec 2026 (Greenwich Mean Time)". */
const ENDED: DeadlinePhrasing = { day: 'register.comments.endedDay', moment: 'register.comments.endedMoment' };

/** The comments an officer has published, and, while the comment period is open, the form to add one. */
export function CommentsSection({ application }: { application: PublishedApplication }) {
  const { t } = useTranslation();
  const comments = usePublishedComments(application.reference);
  return (
    <Card title={<h2 className="ow-card-title">{t('register.comments.title')}</h2>} style={{ marginTop: 16 }}>
      {application.commentsOpenUntil ? (
        <CommentForm application={application} until={application.commentsOpenUntil} />
      ) : application.commentsEndedAt ? (
        <p data-testid="comments-ended">
          {t('register.comments.ended')}{' '}
          <Deadline dueAt={application.commentsEndedAt} timeZone={application.timeZone} phrasing={ENDED} />
        </p>
      ) : (
        <p>{t('register.comments.closed')}</p>
      )}
      <h3>{t('register.comments.published')}</h3>
      {comments.data && comments.data.length === 0 && <EmptyState message={t('register.comments.none')} />}
      <ul className="ow-register-list" data-testid="register-comments">
        {comments.data?.map((c) => (
          <li key={c.id} data-testid="register-comment">
            <p style={{ margin: 0, fontWeight: 600 }}>
              {t(`register.comments.sentiments.${c.sentiment}`)} ·{' '}
              {c.topics.map((topic) => t(`register.comments.topics.${topic}`)).join(', ')} ·{' '}
              <Moment at={c.publishedAt} timeZone={application.timeZone} />
            </p>
            {/* Text only: React writes it as text, never as markup. */}
            <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c.text}</p>
            <p style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
              {t('register.proof.sha256')}: <code>{c.sha256}</code>
            </p>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function CommentForm({ application, until }: { application: PublishedApplication; until: string }) {
  const { t } = useTranslation();
  const submit = useSubmitComment(application.reference);
  const [draft, setDraft] = useState<NewComment>({ name: '', email: '', sentiment: 'neutral', topics: [], text: '' });
  if (submit.isSuccess) {
    return <Alert type="success" showIcon message={t('register.comments.sent')} data-testid="comment-sent" />;
  }
  const send = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate({ ...draft, name: draft.name.trim(), email: draft.email.trim() });
  };
  return (
    <form onSubmit={send} aria-label={t('register.comments.form')} data-testid="comment-form">
      <p data-testid="comments-open-until">
        {t('register.comments.openUntil')} <Deadline dueAt={until} timeZone={application.timeZone} />
      </p>
      <p>{t('register.comments.confirmFirst')}</p>
      <div className="ow-register-filters">
        <label>
          {t('register.comments.name')}
          <Input
            required
            maxLength={100}
            autoComplete="name"
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            data-testid="comment-name"
          />
        </label>
        <label>
          {t('register.comments.email')}
          <Input
            required
            type="email"
            maxLength={200}
            autoComplete="email"
            value={draft.email}
            onChange={(e) => setDraft({ ...draft, email: e.target.value })}
            data-testid="comment-email"
          />
        </label>
      </div>
      <fieldset style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
        <legend style={{ fontWeight: 600 }}>{t('register.comments.sentiment')}</legend>
        <Radio.Group
          value={draft.sentiment}
          onChange={(e) => setDraft({ ...draft, sentiment: e.target.value as NewComment['sentiment'] })}
          options={SENTIMENTS.map((s) => ({ value: s, label: t(`register.comments.sentiments.${s}`) }))}
        />
      </fieldset>
      <fieldset style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
        <legend style={{ fontWeight: 600 }}>{t('register.comments.topicsLabel')}</legend>
        <Checkbox.Group
          value={draft.topics}
          onChange={(topics) => setDraft({ ...draft, topics })}
          options={TOPICS.map((topic) => ({ value: topic, label: t(`register.comments.topics.${topic}`) }))}
        />
      </fieldset>
      <label style={{ display: 'block', fontWeight: 600 }}>
        {t('register.comments.text')}
        <Input.TextArea
          required
          rows={5}
          maxLength={MAX_LENGTH}
          showCount
          value={draft.text}
          onChange={(e) => setDraft({ ...draft, text: e.target.value })}
          data-testid="comment-text"
        />
      </label>
      <p>{t('register.comments.privacy')}</p>
      {submit.error && <ErrorAlert error={submit.error} />}
      <Button
        type="primary"
        htmlType="submit"
        loading={submit.isPending}
        disabled={draft.topics.length === 0}
        data-testid="comment-submit"
      >
        {t('register.comments.submit')}
      </Button>
    </form>
  );
}
