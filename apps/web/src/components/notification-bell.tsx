import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Badge from 'antd/es/badge';
import Button from 'antd/es/button';
import Popover from 'antd/es/popover';
import { Typography } from '@/components/typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap, type NotificationItem } from '@/lib/api/client';
import { openEventStream, type StreamStatus } from '@/lib/event-stream';
import { formatDateTime } from '@/lib/format';
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
  const { t, i18n } = useTranslation();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (items.length === 0) return <Typography.Text type="secondary">{t('notifications.empty')}</Typography.Text>;
  return (
    <ul className="ow-notification-list" aria-label={t('notifications.title')} data-testid="notification-list">
      {items.map((item) => (
        <li key={item.id} data-testid="notification" data-unread={item.readAt ? 'false' : 'true'}>
          <div>
            {!item.readAt && <strong>{t('notifications.unreadMark')} </strong>}
            <span>{item.subject}</span>
          </div>
          <Typography.Text type="secondary">{formatDateTime(item.createdAt, zone, i18n.language)}</Typography.Text>
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

/** The bell in the header: the unread count, the latest notifications, mark read, live. */
export function NotificationBell({ requestPath }: { requestPath: (requestId: string) => string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const { inbox, status } = useInbox();
  const markRead = useMutation({
    mutationFn: (ids?: string[]) => unwrap(api.POST('/notifications/read', { body: ids ? { ids } : {} })),
    onSuccess: () => void client.invalidateQueries({ queryKey: notificationKeys.inbox }),
  });
  const unread = inbox.data?.unread ?? 0;
  const content = (
    <div className="ow-notification-panel" data-testid="notification-panel">
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
  );
  return (
    <Popover
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
      title={t('notifications.title')}
      content={content}
    >
      <Button
        type="text"
        className="ow-bell"
        data-testid="notification-bell"
        data-unread={unread}
        aria-expanded={open}
        // The accessible name carries the count exactly as the badge shows it (99+ past 99).
        aria-label={t('notifications.bell', { count: unread, shown: unread > 99 ? '99+' : String(unread) })}
        icon={
          <Badge count={unread} size="small" aria-hidden style={{ backgroundColor: '#a8071a', color: '#ffffff' }}>
            <BellOutlined style={{ fontSize: 18, color: 'inherit' }} />
          </Badge>
        }
      />
    </Popover>
  );
}
