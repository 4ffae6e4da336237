// A data table in its scrolling frame, with a caption for screen readers and column headers.
import type { ReactNode } from "react";

interface Props {
  /** Read out by screen readers as the table's name. */
  caption: string;
  columns: string[];
  /** Add a last column of row buttons, its header only for screen readers. */
  actions?: boolean;
  className?: string;
  children: ReactNode;
}

export function Table({ caption, columns, actions = false, className, children }: Props) {
  return (
    <div className={className ? `table-wrap ${className}` : "table-wrap"}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
            {actions ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
