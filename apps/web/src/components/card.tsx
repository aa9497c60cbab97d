import type { CSSProperties, ReactNode } from 'react';
import './card.css';

/**
 * A titled panel styled as Ant Design's Card. Theirs brings Tabs (with its overflow menu) and
 * Skeleton along, some 27 kB gzipped on every page; the pages use neither.
 */
export function Card({
  title,
  size = 'default',
  style,
  children,
  'data-testid': testId,
}: {
  title?: ReactNode;
  size?: 'default' | 'small';
  style?: CSSProperties;
  children?: ReactNode;
  'data-testid'?: string;
}) {
  return (
    <div className={size === 'small' ? 'ow-card ow-card-small' : 'ow-card'} style={style} data-testid={testId}>
      {title !== undefined && <div className="ow-card-head">{title}</div>}
      <div className="ow-card-body">{children}</div>
    </div>
  );
}
