import Button from 'antd/es/button';
import Input from 'antd/es/input';
import Space from 'antd/es/space';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '@/components/card';
import { Moment } from '@/components/moment';
import { EmptyState, ErrorAlert } from '@/components/page-state';
import { useSession } from '@/lib/auth/auth-context';
import {
  useCaseComments,
  useCommentCounts,
  usePublishComment,
  type CommentCounts,
  type Redaction,
  type StaffComment,
} from './public-comments-api';

/**
 * The public's comments on a case, for its officer: what they weigh (counts by sentiment and topic), the comments
 * that await review, and those published. Publishing withholds the text ranges the officer selects, each with a
 * reason; the published copy is the server's, recorded on the case's chain.
 */
export function PublicCommentsPanel({ requestId, timeZone }: { requestId: string; timeZone: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const comments = useCaseComments(requestId);
  const counts = useCommentCounts(requestId);
  const mayPublish = user.role === 'clerk' || user.role === 'supervisor';
  const awaiting = comments.data?.filter((c) => c.status === 'confirmed') ?? [];
  const published = comments.data?.filter((c) => c.status === 'published') ?? [];
  return (
    <Card title={<h2 className="ow-card-title">{t('publicComments.title')}</h2>} data-testid="public-comments-panel">
      {counts.error && <ErrorAlert error={counts.error} onRetry={() => void counts.refetch()} />}
      {counts.data && <Counts counts={counts.data} />}
      {comments.error && <ErrorAlert error={comments.error} onRetry={() => void comments.refetch()} />}
      <h3>{t('publicComments.awaiting')}</h3>
      {comments.data && awaiting.length === 0 && <EmptyState message={t('publicComments.noneAwaiting')} />}
      <ul style={{ listStyle: 'none', padding: 0 }}>
        {awaiting.map((c) => (
          <li key={c.id} data-testid="awaiting-comment" style={{ marginBottom: 16 }}>
            <CommentHeading comment={c} timeZone={timeZone} />
            {mayPublish ? (
              <RedactionForm requestId={requestId} comment={c} />
            ) : (
              <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c.text}</p>
            )}
          </li>
        ))}
      </ul>
      <h3>{t('publicComments.published')}</h3>
      {comments.data && published.length === 0 && <EmptyState message={t('publicComments.nonePublished')} />}
      <ul style={{ listStyle: 'none', padding: 0 }}>
        {published.map((c) => (
          <li key={c.id} data-testid="published-comment" style={{ marginBottom: 16 }}>
            <CommentHeading comment={c} timeZone={timeZone} />
            <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="published-comment-text">
              {c.publishedText}
            </p>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Counts({ counts }: { counts: CommentCounts }) {
  const { t } = useTranslation();
  const tally = (entries: Record<string, number>, key: string) =>
    Object.entries(entries)
      .sort(([, a], [, b]) => b - a)
      .map(([name, n]) => `${t(`${key}.${name}`, { defaultValue: name })} ${n}`)
      .join(' · ') || '—';
  return (
    <dl
      style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px', margin: 0 }}
      data-testid="comment-counts"
    >
      <dt style={{ fontWeight: 600 }}>{t('publicComments.counted')}</dt>
      <dd style={{ margin: 0 }}>
        {t('publicComments.countedValue', { counted: counts.counted, unconfirmed: counts.unconfirmed })}
      </dd>
      <dt style={{ fontWeight: 600 }}>{t('publicComments.bySentiment')}</dt>
      <dd style={{ margin: 0 }} data-testid="counts-by-sentiment">
        {tally(counts.bySentiment, 'register.comments.sentiments')}
      </dd>
      <dt style={{ fontWeight: 600 }}>{t('publicComments.byTopic')}</dt>
      <dd style={{ margin: 0 }} data-testid="counts-by-topic">
        {tally(counts.byTopic, 'register.comments.topics')}
      </dd>
    </dl>
  );
}

function CommentHeading({ comment: c, timeZone }: { comment: StaffComment; timeZone: string }) {
  const { t } = useTranslation();
  return (
    <p style={{ margin: '0 0 4px', fontWeight: 600 }}>
      {c.name} &lt;{c.email}&gt; · {t(`register.comments.sentiments.${c.sentiment}`)} ·{' '}
      {c.topics.map((topic) => t(`register.comments.topics.${topic}`)).join(', ')} ·{' '}
      <Moment at={c.createdAt} timeZone={timeZone} />
    </p>
  );
}

/**
 * The comment as written, in a read-only box where the officer selects what to withhold (mouse, or Shift with the
 * arrow keys): each selection becomes a range with its reason. Offsets are the text's own, as the server counts them.
 */
function RedactionForm({ requestId, comment }: { requestId: string; comment: StaffComment }) {
  const { t } = useTranslation();
  const text = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [ranges, setRanges] = useState<Redaction[]>([]);
  const [hint, setHint] = useState<string>();
  const publish = usePublishComment(requestId);
  const textId = `comment-${comment.id}-text`;
  const reasonId = `comment-${comment.id}-reason`;

  const addSelection = () => {
    const box = text.current;
    const start = box?.selectionStart ?? 0;
    const end = box?.selectionEnd ?? 0;
    if (start >= end) return setHint(t('publicComments.selectFirst'));
    if (!reason.trim()) return setHint(t('publicComments.reasonFirst'));
    if (ranges.some((r) => start < r.end && r.start < end)) return setHint(t('publicComments.overlaps'));
    setHint(undefined);
    setRanges([...ranges, { start, end, reason: reason.trim() }].sort((a, b) => a.start - b.start));
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="redaction-form">
      <label htmlFor={textId}>{t('publicComments.textLabel')}</label>
      <Input.TextArea
        id={textId}
        ref={(el) => {
          text.current = el?.resizableTextArea?.textArea ?? null;
        }}
        readOnly
        autoSize
        value={comment.text}
        data-testid="comment-original"
      />
      <label htmlFor={reasonId}>{t('publicComments.reason')}</label>
      <Input
        id={reasonId}
        maxLength={200}
        placeholder={t('publicComments.reasonHint')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        data-testid="redaction-reason"
      />
      <Button onClick={addSelection} data-testid="redact-selection">
        {t('publicComments.redactSelection')}
      </Button>
      {hint && (
        <p role="status" data-testid="redaction-hint">
          {hint}
        </p>
      )}
      {ranges.length > 0 && (
        <ul aria-label={t('publicComments.withheld')} data-testid="redactions">
          {ranges.map((r) => (
            <li key={`${r.start}-${r.end}`}>
              <del>{comment.text.slice(r.start, r.end)}</del> — {r.reason}{' '}
              <Button
                size="small"
                onClick={() => setRanges(ranges.filter((x) => x !== r))}
                aria-label={t('publicComments.keep', { text: comment.text.slice(r.start, r.end) })}
              >
                {t('publicComments.undo')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {publish.error && <ErrorAlert error={publish.error} />}
      <Button
        type="primary"
        loading={publish.isPending}
        onClick={() => publish.mutate({ commentId: comment.id, redactions: ranges })}
        data-testid="publish-comment"
      >
        {ranges.length > 0
          ? t('publicComments.publishRedacted', { count: ranges.length })
          : t('publicComments.publishAsWritten')}
      </Button>
    </Space>
  );
}
