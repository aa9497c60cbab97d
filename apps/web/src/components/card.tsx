import type { HTMLAttributes, ReactNode } from 'react';
import './card.css';

/**
 * A titled panel styled as Ant Design's Card. Theirs brings Tabs (with its overflow menu) and
 * Skeleton along, some 27 kB gzipped on every page; the pages use neither.
 */
export function Card({
  title,
  size = 'default',
  children,
  ...rest
}: Omit<HTMLAttributes<HTMLDivElement>, 'title' | 'className'> & {
  title?: ReactNode;
  size?: 'default' | 'small';
  // Data attributes (`data-testid`, `data-seq`) reach the panel's element.
  [data: `data-${string}`]: string | number | undefined;
}) {
  return (
    <div className={size === 'small' ? 'ow-card ow-card-small' : 'ow-card'} {...rest}>
      {title !== undefined && <div className="ow-card-head">{title}</div>}
      <div className="ow-card-body">{children}</div>
    </div>
  );
}
