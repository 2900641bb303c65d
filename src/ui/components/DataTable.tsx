import type { ComponentChildren } from 'preact';

/**
 * A table with column headers in a scroll container: on a narrow screen a wide table scrolls
 * inside the container rather than the page. Given a name, the container is a focusable region
 * so keyboard users can scroll it too (WCAG 2.1.1); tables that fit at 320 px, or that sit in a
 * section already named the same, go without.
 */
export function DataTable(props: {
  columns: readonly ComponentChildren[];
  /** The id of the heading that names the table, or the name itself. */
  labelledBy?: string;
  label?: string;
  children: ComponentChildren;
}) {
  const named = props.labelledBy !== undefined || props.label !== undefined;
  return (
    <div
      class="table-scroll"
      {...(named
        ? {
            tabIndex: 0,
            role: 'region',
            'aria-labelledby': props.labelledBy,
            'aria-label': props.label,
          }
        : {})}
    >
      <table class="table">
        <thead>
          <tr>
            {props.columns.map((column, i) => (
              <th scope="col" key={i}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
