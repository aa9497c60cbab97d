import { useMutation, useQueryClient } from '@tanstack/react-query';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Card from 'antd/es/card';
import List from 'antd/es/list';
import Space from 'antd/es/space';
import Upload from 'antd/es/upload';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Typography } from '@/components/typography';
import { ErrorAlert } from '@/components/page-state';
import { api, ApiError, unwrap } from '@/lib/api/client';
import { adminKeys } from '../api';
import { ImpactReport } from './impact-report';
import { jsonLines, lineOf } from './json-lines';

interface Fault {
  path: string;
  message: string;
}

/** Publishes a new version from a JSON file; the validator's faults are shown on the lines they concern. */
export function PublishPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<{ name: string; definition: unknown } | null>(null);
  const [syntaxError, setSyntaxError] = useState<string | null>(null);
  const publish = useMutation({
    mutationFn: (definition: unknown) =>
      unwrap(api.POST('/definitions', { body: { definition: definition as Record<string, never> } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminKeys.definitions }),
  });
  const faults =
    publish.error instanceof ApiError && Array.isArray(publish.error.details?.faults)
      ? (publish.error.details.faults as Fault[])
      : [];
  const lines = file ? jsonLines(file.definition) : [];
  const faultsByLine = new Map<number, Fault[]>();
  for (const fault of faults) {
    const line = lineOf(lines, fault.path);
    faultsByLine.set(line, [...(faultsByLine.get(line) ?? []), fault]);
  }

  const read = async (upload: File) => {
    publish.reset();
    setSyntaxError(null);
    try {
      const parsed: unknown = JSON.parse(await upload.text());
      const definition =
        typeof parsed === 'object' && parsed !== null && 'definition' in parsed ? parsed.definition : parsed;
      setFile({ name: upload.name, definition });
    } catch (error) {
      setFile(null);
      setSyntaxError(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph>{t('admin.publish.help')}</Typography.Paragraph>
      <Upload
        accept=".json,application/json"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(upload) => {
          void read(upload);
          return false;
        }}
      >
        <Button data-testid="choose-definition-file">{t('admin.publish.choose')}</Button>
      </Upload>
      {syntaxError && (
        <Alert type="error" role="alert" showIcon title={t('admin.publish.notJson')} description={syntaxError} />
      )}
      {file && typeof file.definition === 'object' && file.definition !== null && (
        <Card size="small" title={<h3 className="ow-card-title">{t('admin.impact.title')}</h3>}>
          <ImpactReport definition={file.definition} />
        </Card>
      )}
      {file && (
        <Space>
          <Typography.Text>{t('admin.publish.file', { name: file.name })}</Typography.Text>
          <Button
            type="primary"
            loading={publish.isPending}
            onClick={() => publish.mutate(file.definition)}
            data-testid="publish"
          >
            {t('admin.publish.submit')}
          </Button>
        </Space>
      )}
      {publish.isSuccess && (
        <Alert
          type="success"
          role="status"
          showIcon
          data-testid="published"
          title={t('admin.publish.done', { key: publish.data.key, version: publish.data.version })}
        />
      )}
      {publish.error && faults.length === 0 && <ErrorAlert error={publish.error} />}
      {faults.length > 0 && (
        <Alert
          type="error"
          role="alert"
          showIcon
          data-testid="publish-faults"
          title={t('admin.publish.faults', { count: faults.length })}
          description={
            <List
              size="small"
              dataSource={faults}
              renderItem={(fault) => (
                <List.Item>
                  <a href={`#definition-line-${lineOf(lines, fault.path) + 1}`}>
                    {t('admin.publish.line', { line: lineOf(lines, fault.path) + 1 })}
                  </a>
                  &nbsp;<code>{fault.path}</code>: {fault.message}
                </List.Item>
              )}
            />
          }
        />
      )}
      {file && (
        <div
          className="ow-json"
          role="region"
          aria-label={t('admin.publish.content')}
          tabIndex={0}
          data-testid="definition-source"
        >
          {lines.map((line, i) => {
            const here = faultsByLine.get(i);
            return (
              <div
                key={i}
                id={`definition-line-${i + 1}`}
                data-fault={here ? 'true' : undefined}
                className={here ? 'ow-json-fault' : undefined}
              >
                <span className="ow-json-no" aria-hidden="true">
                  {i + 1}
                </span>
                <code>{line.text}</code>
                {here?.map((fault) => (
                  <div key={fault.path + fault.message} className="ow-json-message" data-testid="fault-at-place">
                    ▲ <code>{fault.path}</code>: {fault.message}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      )}
    </Space>
  );
}
