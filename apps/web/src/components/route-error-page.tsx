import Button from 'antd/es/button';
import Space from 'antd/es/space';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useLocation, useRouteError } from 'react-router';
import { ApiError, lastCorrelationId } from '@/lib/api/client';
import { Typography } from './typography';

/**
 * What a page shows instead of itself when it fails: what happened, in words; the correlation id to quote
 * to support (the failing answer's own, else the last the API gave this tab, which is what the page was
 * acting on); and a way on (reload, back, home). An action the page was sending may have been recorded,
 * so it says to look before repeating it. Plain elements: this page is in the first download.
 */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  const location = useLocation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const correlationId = (error instanceof ApiError ? error.correlationId : null) ?? lastCorrelationId();
  const detail = error instanceof Error ? error.message : isRouteErrorResponse(error) ? error.statusText : '';
  return (
    <section role="alert" data-testid="route-error" style={{ padding: '32px 0', maxWidth: 640 }}>
      <Typography.Title level={1}>{notFound ? t('errors.pageNotFound') : t('errorPage.title')}</Typography.Title>
      {!notFound && (
        <>
          <Typography.Paragraph>{t('errorPage.what')}</Typography.Paragraph>
          <Typography.Paragraph>{t('errorPage.lastAction')}</Typography.Paragraph>
          {correlationId && (
            <Typography.Paragraph>
              {t('errors.correlationId')}: <code data-testid="route-error-correlation-id">{correlationId}</code>
            </Typography.Paragraph>
          )}
          {detail && (
            <details>
              <summary>{t('errorPage.technical')}</summary>
              <code>{detail}</code>
            </details>
          )}
        </>
      )}
      <Space wrap style={{ marginTop: 16 }}>
        {!notFound && (
          <Button type="primary" onClick={() => window.location.assign(location.pathname + location.search)}>
            {t('errorPage.reload')}
          </Button>
        )}
        <Button onClick={() => window.history.back()}>{t('errorPage.back')}</Button>
        <Link to="/">{t('nav.home')}</Link>
      </Space>
    </section>
  );
}
