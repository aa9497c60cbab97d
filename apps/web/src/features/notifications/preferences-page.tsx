import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Button from 'antd/es/button';
import Checkbox from 'antd/es/checkbox';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Radio from 'antd/es/radio';
import { useTranslation } from 'react-i18next';
import { Card } from '@/components/card';
import { Typography } from '@/components/typography';
import { ErrorAlert, PageLoading } from '@/components/page-state';
import { api, unwrap, type NotificationPreferences } from '@/lib/api/client';

const PREFERENCES = ['notifications', 'preferences'] as const;
const CHANNELS = ['in-app', 'email', 'webhook'] as const;

interface Values {
  language: 'en' | 'zh-CN';
  channels: Array<(typeof CHANNELS)[number]>;
  email?: string;
  webhookUrl?: string;
}

function PreferencesForm({ current }: { current: NotificationPreferences }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        api.PUT('/notifications/preferences', {
          body: {
            language: values.language,
            channels: values.channels,
            email: values.email?.trim() ? values.email.trim() : null,
            webhookUrl: values.webhookUrl?.trim() ? values.webhookUrl.trim() : null,
          },
        }),
      ),
    onSuccess: (saved) => client.setQueryData(PREFERENCES, saved),
  });
  return (
    <Form<Values>
      layout="vertical"
      aria-label={t('preferences.title')}
      initialValues={{
        language: current.language as Values['language'],
        channels: current.channels as Values['channels'],
        email: current.email ?? '',
        webhookUrl: current.webhookUrl ?? '',
      }}
      onFinish={(values) => save.mutate(values)}
    >
      <Form.Item name="language" label={t('preferences.language')}>
        <Radio.Group
          options={[
            { value: 'en', label: t('layout.languages.en') },
            { value: 'zh-CN', label: t('layout.languages.zh-CN') },
          ]}
        />
      </Form.Item>
      <Form.Item name="channels" label={t('preferences.channels')}>
        <Checkbox.Group options={CHANNELS.map((c) => ({ value: c, label: t(`preferences.channel.${c}`) }))} />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('preferences.email')}
        rules={[{ type: 'email', message: t('preferences.emailInvalid') }]}
      >
        <Input type="email" autoComplete="email" />
      </Form.Item>
      <Form.Item
        name="webhookUrl"
        label={t('preferences.webhookUrl')}
        extra={t('preferences.webhookHelp')}
        rules={[{ type: 'url', message: t('preferences.webhookInvalid') }]}
      >
        <Input type="url" />
      </Form.Item>
      {save.data?.webhookSecret && (
        <Typography.Paragraph data-testid="webhook-secret">
          {t('preferences.webhookSecret')}: <code>{save.data.webhookSecret}</code>
        </Typography.Paragraph>
      )}
      {save.error && <ErrorAlert error={save.error} />}
      {save.isSuccess && (
        <div role="status" data-testid="preferences-saved">
          {t('preferences.saved')}
        </div>
      )}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('preferences.save')}
      </Button>
    </Form>
  );
}

/** Language, channels, email address and webhook URL of the signed-in user's notifications. */
export function PreferencesPage() {
  const { t } = useTranslation();
  const preferences = useQuery({
    queryKey: PREFERENCES,
    queryFn: () => unwrap(api.GET('/notifications/preferences')),
  });
  return (
    <>
      <Typography.Title level={1}>{t('preferences.title')}</Typography.Title>
      <Card>
        {preferences.isPending ? (
          <PageLoading />
        ) : preferences.error ? (
          <ErrorAlert error={preferences.error} onRetry={() => void preferences.refetch()} />
        ) : (
          <PreferencesForm current={preferences.data} />
        )}
      </Card>
    </>
  );
}
