import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  approved: 'green',
  refused: 'red',
  withdrawn: 'default',
  lapsed: 'default',
  revoked: 'red',
  appealed: 'purple',
};

/** A case or step status, translated; unknown statuses show as they are. */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status] ?? 'blue'} data-status={status}>
      {t(`status.${status}`, { defaultValue: status })}
    </Tag>
  );
}
