/**
 * A 7-day morning-pain sparkline drawn as SVG, with its scale written on it (0 and 10 on the
 * left, the 5 line dashed) and gaps where a day was not logged. Screen readers get the values.
 */
export function Sparkline({ values, scale = false }: { values: readonly (number | null | undefined)[]; scale?: boolean }) {
  const left = scale ? 16 : 4;
  const w = scale ? 120 : 96;
  const h = 32;
  const n = Math.max(values.length, 2);
  const xAt = (i: number) => left + (i * (w - left - 4)) / (n - 1);
  const yAt = (v: number) => h - 4 - (Math.max(0, Math.min(10, v)) / 10) * (h - 8);
  const segments: string[] = [];
  let cur: string[] = [];
  values.forEach((v, i) => {
    if (v === null || v === undefined || !Number.isFinite(v)) {
      if (cur.length) segments.push(cur.join(' '));
      cur = [];
    } else cur.push(`${xAt(i).toFixed(1)},${yAt(v).toFixed(1)}`);
  });
  if (cur.length) segments.push(cur.join(' '));
  const spoken = values.map((v) => (v === null || v === undefined ? 'not logged' : String(v))).join(', ');
  return (
    <svg class="sparkline" viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img" aria-label={`Morning pain out of 10, last 7 days, oldest first: ${spoken}`}>
      {scale && (
        <g class="spark-scale" aria-hidden="true">
          <text x={left - 3} y={yAt(10) + 3} text-anchor="end">
            10
          </text>
          <text x={left - 3} y={yAt(0) + 3} text-anchor="end">
            0
          </text>
          <line x1={left} x2={left} y1={yAt(10)} y2={yAt(0)} class="spark-axis" />
        </g>
      )}
      <line x1={left} x2={w} y1={yAt(5)} y2={yAt(5)} class="spark-ref" />
      {segments.map((pts, i) => (
        <polyline key={i} points={pts} class="spark-line" />
      ))}
      {values.map((v, i) =>
        v === null || v === undefined ? null : <circle key={i} cx={xAt(i)} cy={yAt(v)} r="2.2" class="spark-dot" />,
      )}
    </svg>
  );
}
