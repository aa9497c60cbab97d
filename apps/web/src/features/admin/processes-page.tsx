import Button from 'antd/es/button';
import Select from 'antd/es/select';
import Space from 'antd/es/space';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '@/components/card';
import { Table } from '@/components/table';
import { Typography } from '@/components/typography';
import { EmptyState, ErrorAlert, PageLoading } from '@/components/page-state';
import { useGraph, useLatestDefinitions, useVersions, type Definition } from './api';
import { FlowDiagram } from './components/flow-diagram';
import { PublishPanel } from './components/publish-panel';
import './processes.css';

function DefinitionDetail({ definitionKey }: { definitionKey: string }) {
  const { t } = useTranslation();
  const versions = useVersions(definitionKey);
  const [chosen, setChosen] = useState<number | undefined>();
  const latest = versions.data?.[versions.data.length - 1]?.version;
  const version = chosen ?? latest;
  const graph = useGraph(definitionKey, version);
  if (versions.isPending) return <PageLoading />;
  if (versions.error) return <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <label htmlFor="definition-version">{t('admin.version')}</label>
        <Select
          id="definition-version"
          style={{ minWidth: 120 }}
          value={version}
          onChange={setChosen}
          options={versions.data.map((d) => ({ value: d.version, label: `v${d.version}` }))}
        />
      </Space>
      {graph.isPending && <PageLoading />}
      {graph.error && <ErrorAlert error={graph.error} onRetry={() => void graph.refetch()} />}
      {graph.data && <FlowDiagram graph={graph.data} />}
    </Space>
  );
}

/** The administrator's desk: every process definition and its versions as a flow; publishing a new version. */
export function ProcessesPage() {
  const { t } = useTranslation();
  const definitions = useLatestDefinitions();
  const [selected, setSelected] = useState<string | undefined>();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1}>{t('admin.title')}</Typography.Title>
      <Card title={<h2 className="ow-card-title">{t('admin.definitions')}</h2>}>
        {definitions.isPending ? (
          <PageLoading />
        ) : definitions.error ? (
          <ErrorAlert error={definitions.error} onRetry={() => void definitions.refetch()} />
        ) : (
          <Table<Definition>
            data-testid="definitions"
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={definitions.data}
            locale={{ emptyText: <EmptyState message={t('admin.none')} /> }}
            columns={[
              {
                title: t('admin.definition'),
                dataIndex: 'title',
                render: (title: string, d) => (
                  <Button size="small" data-testid={`show-${d.key}`} onClick={() => setSelected(d.key)}>
                    {title}
                  </Button>
                ),
              },
              { title: t('admin.key'), dataIndex: 'key', render: (k: string) => <code>{k}</code> },
              { title: t('admin.latestVersion'), dataIndex: 'version', align: 'right' },
              { title: t('admin.jurisdiction'), dataIndex: 'jurisdiction' },
            ]}
          />
        )}
      </Card>
      {selected && (
        <Card title={<h2 className="ow-card-title">{t('admin.flowOf', { key: selected })}</h2>}>
          <DefinitionDetail key={selected} definitionKey={selected} />
        </Card>
      )}
      <Card title={<h2 className="ow-card-title">{t('admin.publish.title')}</h2>}>
        <PublishPanel />
      </Card>
    </Space>
  );
}
