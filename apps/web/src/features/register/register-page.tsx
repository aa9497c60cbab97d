import Button from 'antd/es/button';
import Input from 'antd/es/input';
import Pagination from 'antd/es/pagination';
import Select from 'antd/es/select';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Card } from '@/components/card';
import { EmptyState, ErrorAlert, PageLoading } from '@/components/page-state';
import { StatusTag } from '@/components/status-tag';
import { Typography } from '@/components/typography';
import { useLabel } from '@/lib/definition-labels';
import { Moment } from '@/components/moment';
import { PAGE_SIZE, useRegister, type RegisterSearch } from './api';
import { Facts, RegisterLayout } from './register-layout';

const STATUSES: Array<NonNullable<RegisterSearch['status']>> = [
  'in_progress',
  'awaiting_applicant',
  'under_appeal',
  'approved',
  'refused',
  'withdrawn',
  'lapsed',
];

/**
 * `/register`: the public register of applications (no sign-in), searchable by reference, address or text, by
 * status and by the date published; the search lives in the address so a result can be shared.
 */
export function RegisterPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const [params, setParams] = useSearchParams();
  const search: RegisterSearch = {
    q: params.get('q') || undefined,
    status: (params.get('status') || undefined) as RegisterSearch['status'],
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
    offset: Number(params.get('offset')) || 0,
  };
  const [draft, setDraft] = useState({ q: search.q ?? '', from: search.from ?? '', to: search.to ?? '' });
  const register = useRegister(search);
  const apply = (next: Partial<RegisterSearch>) => {
    const merged = { ...search, ...next };
    setParams(
      Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined && v !== '' && v !== 0)) as Record<
        string,
        string
      >,
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply({ q: draft.q.trim() || undefined, from: draft.from || undefined, to: draft.to || undefined, offset: 0 });
  };
  return (
    <RegisterLayout title={t('register.title')}>
      <Typography.Paragraph>{t('register.intro')}</Typography.Paragraph>
      <form role="search" onSubmit={submit} className="ow-register-filters">
        <label>
          {t('register.search')}
          <Input
            value={draft.q}
            maxLength={100}
            placeholder={t('register.searchHint')}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
            data-testid="register-search"
          />
        </label>
        <label>
          {t('register.status')}
          <Select
            aria-label={t('register.status')}
            allowClear
            value={search.status}
            placeholder={t('register.anyStatus')}
            onChange={(status?: RegisterSearch['status']) => apply({ status, offset: 0 })}
            options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
        </label>
        <label>
          {t('register.from')}
          <Input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </label>
        <label>
          {t('register.to')}
          <Input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </label>
        <div style={{ alignSelf: 'end' }}>
          <Button type="primary" htmlType="submit" data-testid="register-search-submit">
            {t('register.find')}
          </Button>
        </div>
      </form>
      {register.isPending ? (
        <PageLoading />
      ) : register.error ? (
        <ErrorAlert error={register.error} onRetry={() => void register.refetch()} />
      ) : register.data.items.length === 0 ? (
        <EmptyState message={t('register.empty')} />
      ) : (
        <>
          <p aria-live="polite">{t('register.total', { count: register.data.total })}</p>
          <ul className="ow-register-list" data-testid="register-list">
            {register.data.items.map((item) => (
              <li key={item.reference}>
                <Card
                  size="small"
                  data-testid="register-item"
                  title={
                    <h2 className="ow-card-title">
                      <Link to={`/register/${encodeURIComponent(item.reference)}`}>{item.description}</Link>
                    </h2>
                  }
                >
                  <Facts
                    rows={[
                      [t('register.address'), item.siteAddress ?? '—'],
                      [t('register.process'), label(item.process)],
                      [t('register.status'), <StatusTag status={item.status} />],
                      [t('register.publishedAt'), <Moment at={item.publishedAt} timeZone={item.timeZone} />],
                      [t('register.reference'), <code>{item.reference}</code>],
                    ]}
                  />
                </Card>
              </li>
            ))}
          </ul>
          <Pagination
            style={{ marginTop: 16 }}
            simple
            current={Math.floor(search.offset / PAGE_SIZE) + 1}
            pageSize={PAGE_SIZE}
            total={register.data.total}
            onChange={(page) => apply({ offset: (page - 1) * PAGE_SIZE })}
          />
        </>
      )}
    </RegisterLayout>
  );
}
