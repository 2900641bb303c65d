/** One bar out of 100, or none where the figure is not shown. */
export interface BarRow {
  readonly key: string;
  readonly label: string;
  readonly value: number | null;
  /** What stands beside the bar: the figure, or why there is none. */
  readonly text: string;
}

/**
 * One figure per row as a bar out of 100. The table next to it carries the same figures, so the
 * bars are hidden from assistive technology; a suppressed figure has no bar, only its text.
 */
export function FigureBars(props: { rows: readonly BarRow[]; title: string }) {
  return (
    <div class="chart" aria-hidden="true">
      <p class="chart-label">{props.title}</p>
      {props.rows.map(({ key, label, value, text }) => (
        <div class="chart-row" key={key}>
          <p>{label}</p>
          {/* Wide enough for "Fewer than 5 residents: not shown" beside an empty track. */}
          <div class="chart-bar" style={{ gridTemplateColumns: '1fr minmax(3rem, auto)' }}>
            <svg viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
              <rect class="chart-track" x="0" y="0" width="100" height="10" />
              {value !== null && (
                <rect
                  class="chart-bar-solid"
                  x="0.5"
                  y="0.5"
                  width={Math.min(Math.max(value - 1, 0.5), 99)}
                  height="9"
                />
              )}
            </svg>
            <span class="chart-value">{text}</span>
          </div>
        </div>
      ))}
    </div>
  );
}
