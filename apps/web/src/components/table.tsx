import Button from 'antd/es/button';
import Spin from 'antd/es/spin';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './table.css';

/**
 * A plain, semantic data table with the part of Ant Design's Table API the pages use (columns,
 * paging, row selection). Theirs brings filters, sorting, tree data, a virtual list, menus and
 * Select, some 120 kB gzipped on every page with a table; none of it is used here.
 */
export interface TableColumn<T> {
  title: ReactNode;
  dataIndex?: keyof T & string;
  key?: string;
  align?: 'start' | 'center' | 'end' | 'right';
  // The cell's value is whichever field `dataIndex` names: each column's render types it itself.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  render?: (value: any, record: T, index: number) => ReactNode;
}

export interface TablePagination {
  pageSize: number;
  /** Controlled current page (1-based); the table keeps its own without it. */
  current?: number;
  /** The server's count when it pages; without it the table pages `dataSource` itself. */
  total?: number;
  onChange?: (page: number) => void;
  hideOnSinglePage?: boolean;
  showTotal?: (total: number) => ReactNode;
}

export interface TableRowSelection<T> {
  selectedRowKeys: string[];
  onChange: (keys: string[], rows: T[]) => void;
  getCheckboxProps?: (record: T) => { 'aria-label'?: string };
}

export interface TableProps<T> {
  columns: TableColumn<T>[];
  dataSource: readonly T[];
  rowKey: (keyof T & string) | ((record: T) => string);
  size?: 'small' | 'middle';
  pagination?: false | TablePagination;
  locale?: { emptyText?: ReactNode };
  loading?: boolean;
  rowSelection?: TableRowSelection<T>;
  'aria-label'?: string;
  'data-testid'?: string;
}

export function Table<T>({
  columns,
  dataSource,
  rowKey,
  size = 'middle',
  pagination,
  locale,
  loading = false,
  rowSelection,
  'aria-label': ariaLabel,
  'data-testid': testId,
}: TableProps<T>) {
  const { t } = useTranslation();
  const [ownPage, setOwnPage] = useState(1);
  const keyOf = (record: T) => (typeof rowKey === 'function' ? rowKey(record) : String(record[rowKey]));
  const paging = pagination || undefined;
  const page = paging?.current ?? ownPage;
  const total = paging?.total ?? dataSource.length;
  const pages = paging ? Math.max(1, Math.ceil(total / paging.pageSize)) : 1;
  // The server pages when it gives a total; otherwise this table shows one page of what it holds.
  const rows =
    paging && paging.total === undefined
      ? dataSource.slice((page - 1) * paging.pageSize, page * paging.pageSize)
      : dataSource;
  const goTo = (next: number) => {
    setOwnPage(next);
    paging?.onChange?.(next);
  };

  const selected = new Set(rowSelection?.selectedRowKeys ?? []);
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(keyOf(r)));
  const select = (keys: Set<string>) => {
    if (!rowSelection) return;
    const chosen = dataSource.filter((r) => keys.has(keyOf(r)));
    rowSelection.onChange(
      chosen.map((r) => keyOf(r)),
      chosen,
    );
  };
  const span = columns.length + (rowSelection ? 1 : 0);

  return (
    <div className={`ow-table ow-table-${size}`} data-testid={testId}>
      <table aria-label={ariaLabel} aria-busy={loading || undefined}>
        <thead>
          <tr>
            {rowSelection && (
              <th scope="col" className="ow-table-selection">
                <input
                  type="checkbox"
                  aria-label={t('table.selectAll')}
                  checked={allSelected}
                  disabled={rows.length === 0}
                  onChange={(e) => {
                    const keys = new Set(selected);
                    for (const r of rows) {
                      if (e.target.checked) keys.add(keyOf(r));
                      else keys.delete(keyOf(r));
                    }
                    select(keys);
                  }}
                />
              </th>
            )}
            {columns.map((c, i) => (
              <th scope="col" key={c.key ?? c.dataIndex ?? i} style={alignOf(c)}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr className="ow-table-placeholder">
              <td colSpan={span}>{loading ? <Spin /> : (locale?.emptyText ?? t('table.empty'))}</td>
            </tr>
          ) : (
            rows.map((record, index) => {
              const key = keyOf(record);
              return (
                <tr key={key} className={selected.has(key) ? 'ow-table-row-selected' : undefined}>
                  {rowSelection && (
                    <td className="ow-table-selection">
                      <input
                        type="checkbox"
                        {...rowSelection.getCheckboxProps?.(record)}
                        checked={selected.has(key)}
                        onChange={(e) => {
                          const keys = new Set(selected);
                          if (e.target.checked) keys.add(key);
                          else keys.delete(key);
                          select(keys);
                        }}
                      />
                    </td>
                  )}
                  {columns.map((c, i) => {
                    const value = c.dataIndex === undefined ? undefined : record[c.dataIndex];
                    return (
                      <td key={c.key ?? c.dataIndex ?? i} style={alignOf(c)}>
                        {c.render ? c.render(value, record, index) : (value as ReactNode)}
                      </td>
                    );
                  })}
                </tr>
              );
            })
          )}
        </tbody>
      </table>
      {paging && !(paging.hideOnSinglePage && pages <= 1) && (
        <nav aria-label={t('table.pages')} className="ow-table-pager">
          {paging.showTotal && <span className="ow-table-total">{paging.showTotal(total)}</span>}
          <Button size="small" disabled={page <= 1} onClick={() => goTo(page - 1)} aria-label={t('table.previous')}>
            ‹
          </Button>
          {pageWindow(page, pages).map((n, i) =>
            n === null ? (
              <span key={`gap-${i}`} aria-hidden="true">
                …
              </span>
            ) : (
              <Button
                key={n}
                size="small"
                type={n === page ? 'primary' : 'default'}
                aria-current={n === page ? 'page' : undefined}
                aria-label={t('table.page', { page: n })}
                onClick={() => goTo(n)}
              >
                {n}
              </Button>
            ),
          )}
          <Button size="small" disabled={page >= pages} onClick={() => goTo(page + 1)} aria-label={t('table.next')}>
            ›
          </Button>
        </nav>
      )}
    </div>
  );
}

function alignOf<T>(column: TableColumn<T>): { textAlign: 'start' | 'center' | 'end' } | undefined {
  if (!column.align) return undefined;
  return { textAlign: column.align === 'right' ? 'end' : column.align };
}

/** The first and last pages, and two either side of the current one; `null` where pages are skipped. */
export function pageWindow(page: number, pages: number): Array<number | null> {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1] > 1 ? [null, n] : [n]));
}
