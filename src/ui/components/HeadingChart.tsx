import type { HeadingScores } from '../../domain/index.ts';

export interface ChartRow {
  readonly label: string;
  readonly scores: HeadingScores;
}

/**
 * Skill against interest per heading as paired bars out of 100. Skill bars are solid and
 * interest bars outlined, so the two differ without colour. The table that follows carries the
 * same figures, so the bars themselves are hidden from assistive technology.
 */
export function HeadingChart(props: {
  rows: readonly ChartRow[];
  skillLabel: string;
  interestLabel: string;
}) {
  return (
    <div class="chart" aria-hidden="true">
      <ul class="chart-legend">
        <li>
          <svg class="chart-key" viewBox="0 0 20 12" focusable="false">
            <rect class="chart-bar-skill" x="1" y="1" width="18" height="10" />
          </svg>
          {props.skillLabel}
        </li>
        <li>
          <svg class="chart-key" viewBox="0 0 20 12" focusable="false">
            <rect class="chart-bar-interest" x="1" y="1" width="18" height="10" />
          </svg>
          {props.interestLabel}
        </li>
      </ul>
      {props.rows.map(({ label, scores }) => (
        <div class="chart-row" key={scores.headingId}>
          <p class="chart-label">{label}</p>
          <Bar kind="skill" score={scores.skill.score} />
          <Bar kind="interest" score={scores.interest.score} />
        </div>
      ))}
    </div>
  );
}

function Bar({ kind, score }: { kind: 'skill' | 'interest'; score: number | null }) {
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
