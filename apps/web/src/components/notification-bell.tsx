import BellOutlined from '@ant-design/icons/es/icons/BellOutlined';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Button from 'antd/es/button';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Typography } from '@/components/typography';
import { api, unwrap, type NotificationItem } from '@/lib/api/client';
import { openEventStream, type StreamStatus } from '@/lib/event-stream';
import { Moment } from './moment';
import { ErrorAlert, StreamBadge } from './page-state';

export const notificationKeys = { inbox: ['notifications'] as const };

/** The signed-in user's in-app notifications, kept fresh by their live stream. */
export function useInbox() {
  const client = useQueryClient();
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const inbox = useQuery({
    queryKey: notificationKeys.inbox,
    queryFn: () => unwrap(api.GET('/notifications', { params: { query: { limit: 20 } } })),
  });
  useEffect(
    () =>
      openEventStream(
        '/notifications/events',
        (event) => {
          if (event.event === 'notification' || event.event === 'ready') {
            void client.invalidateQueries({ queryKey: notificationKeys.inbox });
          }
        },
        setStatus,
      ),
    [client],
  );
  return { inbox, status };
}

interface ListProps {
  items: NotificationItem[];
  requestPath: (requestId: string) => string;
  onRead: (ids?: string[]) => void;
  pending: boolean;
}

/** Newest first; an unread one is marked as such in words, not by colour alone. */
export function NotificationList({ items, requestPath, onRead, pending }: ListProps) {
  const { t } = useTranslation();
  if (items.length === 0) return <Typography.Text type="secondary">{t('notifications.empty')}</Typography.Text>;
  return (
    <ul className="ow-notification-list" aria-label={t('notifications.title')} data-testid="notification-list">
      {items.map((item) => (
        <li key={item.id} data-testid="notification" data-unread={item.readAt ? 'false' : 'true'}>
          <div>
            {!item.readAt && <strong>{t('notifications.unreadMark')} </strong>}
            <span>{item.subject}</span>
          </div>
          <Typography.Text type="secondary">
            {/* In the zone of the case it is about, as on the case's pages. */}
            <Moment at={item.createdAt} timeZone={item.timeZone ?? 'UTC'} />
          </Typography.Text>
          <div>{item.body}</div>
          <div className="ow-notification-actions">
            {item.requestId && <Link to={requestPath(item.requestId)}>{t('notifications.open')}</Link>}
            {!item.readAt && (
              <Button size="small" disabled={pending} onClick={() => onRead([item.id])}>
                {t('notifications.markRead')}
                <span className="ow-visually-hidden">: {item.subject}</span>
              </Button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

/**
 * The bell in the header: the unread count, the latest notifications, mark read, live. The list
 * opens below the bell as a disclosure (Escape or a click elsewhere closes it, focus back on the bell).
 */
export function NotificationBell({ requestPath }: { requestPath: (requestId: string) => string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const titleId = useId();
  const root = useRef<HTMLDivElement>(null);
  const bell = useRef<HTMLButtonElement>(null);
  const { inbox, status } = useInbox();
  const markRead = useMutation({
    mutationFn: (ids?: string[]) => unwrap(api.POST('/notifications/read', { body: ids ? { ids } : {} })),
    onSuccess: () => void client.invalidateQueries({ queryKey: notificationKeys.inbox }),
  });
  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      bell.current?.focus();
    };
    document.addEventListener('mousedown', closeOutside);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('mousedown', closeOutside);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [open]);
  const unread = inbox.data?.unread ?? 0;
  const shown = unread > 99 ? '99+' : String(unread);
  return (
    <div className="ow-bell-anchor" ref={root}>
      <Button
        ref={bell}
        type="text"
        className="ow-bell"
        data-testid="notification-bell"
        data-unread={unread}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        // The accessible name carries the count exactly as the badge shows it (99+ past 99).
        aria-label={t('notifications.bell', { count: unread, shown })}
        onClick={() => setOpen((was) => !was)}
        icon={
          <span className="ow-bell-icon" aria-hidden>
            <BellOutlined style={{ fontSize: 18, color: 'inherit' }} />
            {unread > 0 && <span className="ow-bell-count">{shown}</span>}
          </span>
        }
      />
      {open && (
        <div
          id={panelId}
          role="region"
          aria-labelledby={titleId}
          className="ow-notification-popover"
          data-testid="notification-panel"
        >
          <h2 id={titleId} className="ow-notification-title">
            {t('notifications.title')}
          </h2>
          <div className="ow-notification-panel">
            <div className="ow-notification-head">
              <StreamBadge status={status} />
              {unread > 0 && (
                <Button size="small" disabled={markRead.isPending} onClick={() => markRead.mutate(undefined)}>
                  {t('notifications.markAllRead')}
                </Button>
              )}
            </div>
            {inbox.error ? (
              <ErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} />
            ) : (
              <NotificationList
                items={inbox.data?.items ?? []}
                requestPath={requestPath}
                pending={markRead.isPending}
                onRead={(ids) => markRead.mutate(ids)}
              />
            )}
            {markRead.error && <ErrorAlert error={markRead.error} />}
            <Link to="/notification-settings" onClick={() => setOpen(false)}>
              {t('notifications.preferences')}
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}
