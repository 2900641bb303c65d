/** One heading's two figures out of 100 (null when not scored). */
export interface ChartRow {
  readonly key: string;
  readonly label: string;
  readonly first: number | null;
  readonly second: number | null;
}

/**
 * Two figures per heading as paired bars out of 100: skill against interest, or a first visit
 * against a later one. First bars are solid and second bars outlined, so the two differ without
 * colour. The table that follows carries the same figures, so the bars themselves are hidden
 * from assistive technology.
 */
export function HeadingChart(props: {
  rows: readonly ChartRow[];
  firstLabel: string;
  secondLabel: string;
}) {
  return (
    <div class="chart" aria-hidden="true">
      <ul class="chart-legend">
        <li>
          <svg class="chart-key" viewBox="0 0 20 12" focusable="false">
            <rect class="chart-bar-solid" x="1" y="1" width="18" height="10" />
          </svg>
          {props.firstLabel}
        </li>
        <li>
          <svg class="chart-key" viewBox="0 0 20 12" focusable="false">
            <rect class="chart-bar-outline" x="1" y="1" width="18" height="10" />
          </svg>
          {props.secondLabel}
        </li>
      </ul>
      {props.rows.map(({ key, label, first, second }) => (
        <div class="chart-row" key={key}>
          <p class="chart-label">{label}</p>
          <Bar kind="solid" score={first} />
          <Bar kind="outline" score={second} />
        </div>
      ))}
    </div>
  );
}

function Bar({ kind, score }: { kind: 'solid' | 'outline'; score: number | null }) {
  return (
    <div class="chart-bar">
      <svg viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
        <rect class="chart-track" x="0" y="0" width="100" height="10" />
        {score !== null && (
          <rect
            class={`chart-bar-${kind}`}
            x="0.5"
            y="0.5"
            width={Math.max(score - 1, 0.5)}
            height="9"
          />
        )}
      </svg>
      <span class="chart-value">{score ?? '–'}</span>
    </div>
  );
}
