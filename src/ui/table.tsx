import type { ReactNode } from 'react';

/** One column of a `DataTable`: its header, and what a row shows in it. */
export type Column<R> = {
  header: ReactNode;
  cell: (row: R) => ReactNode;
  /** The cell names its row (`<th scope="row">`), as the name in the first column of a list. */
  rowHeader?: boolean;
};

/**
 * A table of rows, with a caption and a header cell (`scope="col"`) over every column. A column
 * given as `false` is left out, for columns that only some pages or people see.
 */
export function DataTable<R>({
  caption,
  hiddenCaption,
  contained,
  columns,
  rows,
  rowKey,
}: {
  caption: ReactNode;
  /** For screen readers only, where a heading above the table already says what it holds. */
  hiddenCaption?: boolean;
  /** In a `utrecht-table-container`, as the consultant's pages have it. */
  contained?: boolean;
  columns: readonly (Column<R> | false)[];
  rows: readonly R[];
  rowKey: (row: R) => string;
}) {
  const shown = columns.filter((column): column is Column<R> => column !== false);
  const table = (
    <table className={contained ? 'utrecht-table utrecht-table--html-table' : 'utrecht-table'}>
      <caption className={hiddenCaption ? 'utrecht-table__caption werkregie-visually-hidden' : 'utrecht-table__caption'}>{caption}</caption>
      <thead className="utrecht-table__header">
        <tr className="utrecht-table__row">
          {shown.map((column, index) => (
            <th key={index} scope="col" className="utrecht-table__header-cell">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="utrecht-table__body">
        {rows.map((row) => (
          <tr key={rowKey(row)} className="utrecht-table__row">
            {shown.map((column, index) =>
              column.rowHeader ? (
                <th key={index} scope="row" className="utrecht-table__header-cell">
                  {column.cell(row)}
                </th>
              ) : (
                <td key={index} className="utrecht-table__cell">
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return contained ? <div className="utrecht-table-container">{table}</div> : table;
}
