import Tag from 'antd/es/tag';
import { useTranslation } from 'react-i18next';
import { TAG } from './tag-colors';

const COLORS: Record<string, string> = {
  approved: TAG.green,
  refused: TAG.red,
  withdrawn: TAG.grey,
  lapsed: TAG.grey,
  revoked: TAG.red,
  appealed: TAG.purple,
};

/** A case or step status, translated; unknown statuses show as they are. */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status] ?? TAG.blue} data-status={status}>
      {t(`status.${status}`, { defaultValue: status })}
    </Tag>
  );
}
