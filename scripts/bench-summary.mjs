/**
 * The one table `npm run bench` ends with: every figure the benches report, with its goal
 * and the ratio to it (a ratio ≤ 1 meets a "less is better" goal), read from the JSON line
 * each bench prints last. Also written to bench/results.json.
 */

const round = (n, digits = 2) => (typeof n === 'number' && Number.isFinite(n) ? Number(n.toFixed(digits)) : null);

/** The explorer's directory figures (bench/explorer at --people N), each with its goal. */
function explorerDirectory(j) {
  const people = j.people.toLocaleString('en-US');
  return [
    {
      figure: `explorer first row, ${people} people (click → drawn)`,
      value: round(j.firstRowMs, 0),
      unit: 'ms',
      goal: '≤ 1,000 ms',
      ratio: round(j.firstRowMs / 1000),
    },
    {
      figure: `explorer all rows, ${people} people (click → all)`,
      value: round(j.allRowsMs, 0),
      unit: 'ms',
      goal: '≤ 1.10 × floor',
      ratio: j.allRowsFloorRatio === null ? null : round(j.allRowsFloorRatio / 1.1),
      note: `floor ${Math.round(j.floorMs / 1000)} s (${j.directoryCalls} directory calls at 20/min)${j.allRowsFloorRatio === null ? '' : `; ${round(j.allRowsFloorRatio, 3)} × floor`}`,
    },
    {
      figure: 'explorer table paint, rows already there',
      value: round(j.tablePaintMs, 0),
      unit: 'ms',
      goal: '< 300 ms',
      ratio: round(j.tablePaintMs / 300),
      note: `naive plain table ${round(j.naivePaintMs, 0)} ms; ours/naive ${round(j.paintVsNaive, 3)}`,
    },
    {
      figure: 'explorer scroll, p95 frame',
      value: round(j.scrollFrameP95Ms, 1),
      unit: 'ms',
      goal: '< 16.7 ms',
      ratio: round(j.scrollFrameP95Ms / 16.7),
      note: `median ${round(j.scrollFrameMedianMs, 1)} ms${j.idleFrameP95Ms ? `; idle page p95 ${round(j.idleFrameP95Ms, 1)} ms` : ''}`,
    },
    {
      figure: 'explorer sort (header click → drawn)',
      value: round(j.sortMs, 0),
      unit: 'ms',
      goal: '< 150 ms',
      ratio: round(j.sortMs / 150),
    },
    {
      figure: 'explorer filter (typing → drawn)',
      value: round(j.filterMs, 0),
      unit: 'ms',
      goal: '< 150 ms',
      ratio: round(j.filterMs / 150),
    },
    {
      figure: 'explorer renderer JS heap (page + worker)',
      value: round(j.heapMb, 0),
      unit: 'MB',
      goal: '< 250 MB',
      ratio: round(j.heapMb / 250),
    },
  ];
}

/** bench name → rows of { figure, value, unit, goal, ratio } from its JSON line. */
const FIGURES = {
  'request-log': (j) => [
    {
      figure: `log one attempt (${j.rows.toLocaleString('en-US')} rows)`,
      value: round(j.appendMs, 3),
      unit: 'ms',
      goal: '≤ 0.2 ms',
      ratio: round(j.appendMs / 0.2),
    },
    { figure: 'search p95, text + filters', value: round(j.searchP95Ms, 1), unit: 'ms', goal: '< 50 ms', ratio: round(j.searchP95Ms / 50) },
    // Older runs' lines have no pruning figures: leave the row out rather than print nulls.
    ...(j.prunedRows === undefined
      ? []
      : [
          {
            figure: `prune ${j.prunedRows.toLocaleString('en-US')} rows while writers append: longest writer wait`,
            value: round(j.pruneMaxWriterWaitMs, 1),
            unit: 'ms',
            goal: '≤ 50 ms',
            ratio: round(j.pruneMaxWriterWaitMs / 50),
            note: `${Math.round(j.pruneRowsPerSec).toLocaleString('en-US')} rows/s pruned; ${Math.round(j.bytesPerRow)} bytes per row`,
          },
        ]),
  ],
  simulator: (j) => [{ figure: 'simulator small reads', value: j.rps, unit: 'req/s', goal: '≥ 2,000 req/s', ratio: round(2000 / j.rps) }],
  fleet: (j) => [
    {
      figure: `fleet refresh, app (${j.connections} connections)`,
      value: round(j.app.ratio, 3),
      unit: '× floor',
      goal: '≤ 1.10, 0 × 429',
      ratio: round(j.app.ratio / 1.1),
      note: `${j.app.rateLimited} × 429, ${j.app.failedCalls} failed, ${j.app.completeConnections}/${j.app.connections} complete`,
    },
    {
      figure: 'fleet refresh, naive SDK loop',
      value: round(j.naive.ratio, 3),
      unit: '× floor',
      goal: '(comparison)',
      ratio: null,
      note: `${j.naive.rateLimited} × 429, ${j.naive.failedCalls} failed calls, ${j.naive.completeConnections}/${j.naive.connections} complete (faster only because it gave up)`,
    },
  ],
  'big-company': (j) => [
    {
      figure: `big company pull, ${j.employees} people (wall / floor)`,
      value: round(j.pullRatio, 3),
      unit: '× floor',
      goal: '≤ 1.1',
      ratio: round(j.pullRatio / 1.1),
      note: `${round(j.pullMs / 1000, 2)} s vs floor ${round(j.floorMs / 1000, 2)} s (rate limits ${round(j.rateFloorMs / 1000)} s, server ${round(j.referenceMs / 1000, 2)} s); ${j.rateLimited} × 429`,
    },
    {
      figure: `main RSS growth over the pull (${j.employees} people)`,
      value: round(j.rssGrowthMb),
      unit: 'MB',
      goal: '≤ 300',
      ratio: round(j.rssGrowthMb / 300),
    },
    {
      figure: `snapshot of ${j.employees} people`,
      value: round(j.snapshotMs / 1000, 2),
      unit: 's',
      goal: '≤ 20',
      ratio: round(j.snapshotMs / 20_000),
    },
    {
      figure: `diff of two ${j.employees}-person snapshots`,
      value: round(j.diffMs / 1000, 2),
      unit: 's',
      goal: '≤ 3',
      ratio: round(j.diffMs / 3_000),
    },
    {
      figure: `field coverage, ${j.employees} people`,
      value: round(j.coverageMs / 1000, 2),
      unit: 's',
      goal: '≤ 10',
      ratio: round(j.coverageMs / 10_000),
    },
  ],
  explorer: (j) => [
    // Lines from before the 100,000-row explorer had only the first row at 10,000 people.
    ...(j.people === undefined
      ? [
          {
            figure: 'first directory row, 10,000 people (click → painted)',
            value: round(j.firstPaintMedianMs, 1),
            unit: 'ms',
            goal: '< 1,000 ms',
            ratio: round(j.firstPaintMedianMs / j.firstPaintGoalMs),
          },
        ]
      : explorerDirectory(j)),
    {
      figure: 'full snapshot, 2,000 people',
      value: round(j.snapshotMedianMs, 0),
      unit: 'ms',
      goal: '≤ 5,000 ms',
      ratio: round(j.snapshotMedianMs / j.snapshotGoalMs),
    },
  ],
  startup: (j) => [
    {
      figure: 'first screen ready (page clock: navigation start → heading + usable environment switcher drawn)',
      value: round(j.readyMedianMs, 0),
      unit: 'ms',
      goal: '≤ 400 ms',
      ratio: round(j.readyMedianMs / j.goalMs),
      note: `empty page ${round(j.baselineMedianMs, 0)} ms (${round(j.readyMedianMs / Math.max(1, j.baselineMedianMs), 1)} ×); Playwright clock ${round(j.outerMedianMs, 0)} ms; ${round(j.jsKb, 0)} KB of JS`,
    },
  ],
  proxy: (j) => [
    {
      figure: 'Integration lab proxy: added latency p99 (200 req/s, 32 connections)',
      value: round(j.p99AddedMs, 2),
      unit: 'ms',
      goal: '≤ 2 ms',
      ratio: round(j.p99AddedMs / 2),
      note: `p50 added ${round(j.p50AddedMs, 2)} ms; ${j.failed} failed${j.bareP99AddedMs === undefined ? '' : `; a bare Node proxy adds ${round(j.bareP99AddedMs, 2)} ms at p99 in the same run`}`,
    },
    // Older runs' lines measured only saturation, under the goal's name: shown as what they were.
    ...(j.loadThroughputRatio === undefined
      ? [
          {
            figure: 'Integration lab proxy: throughput at saturation vs direct (older run)',
            value: round(j.throughputRatio * 100, 1),
            unit: '%',
            goal: '(informative)',
            ratio: null,
            note: `${Math.round(j.proxiedRps)} / ${Math.round(j.directRps)} req/s`,
          },
        ]
      : [
          {
            figure: `Integration lab proxy: throughput vs direct at ${j.rate} req/s offered`,
            value: round(j.loadThroughputRatio * 100, 1),
            unit: '%',
            goal: '≥ 90 %',
            ratio: round(0.9 / j.loadThroughputRatio),
            note: `${round(j.loadProxiedRps, 1)} / ${round(j.loadDirectRps, 1)} req/s completed; paired added p99 ${round(j.pairedP99AddedMs, 2)} ms`,
          },
          {
            figure: 'Integration lab proxy: saturation throughput vs direct (32 connections flat out)',
            value: round(j.saturationRatio * 100, 1),
            unit: '%',
            goal: '(informative)',
            ratio: null,
            note: `${Math.round(j.saturationProxiedRps)} / ${Math.round(j.saturationDirectRps)} req/s; a bare Node proxy ${Math.round((j.saturationBareRps / j.saturationDirectRps) * 100)} %: load, simulator and proxy share ${j.cores} cores`,
          },
        ]),
    j.rssGrowthFullMb === undefined || j.rssGrowthFullMb === null
      ? {
          figure: `Integration lab proxy: RSS growth, ${j.bodies.toLocaleString('en-US')} bodies of ${Math.round(j.bodyBytes / 1024)} KB`,
          value: round(j.rssGrowthMb, 1),
          unit: 'MB',
          goal: 'flat (≤ 50 MB)',
          ratio: round(j.rssGrowthMb / 50),
          note: `peak ${Math.round(j.rssPeakMb)} MB`,
        }
      : {
          figure: `Integration lab proxy: RSS growth once its list of calls is full, ${j.bodies.toLocaleString('en-US')} bodies of ${Math.round(j.bodyBytes / 1024)} KB`,
          value: round(j.rssGrowthFullMb, 1),
          unit: 'MB',
          goal: 'flat (≤ 50 MB)',
          ratio: round(j.rssGrowthFullMb / 50),
          note: `over the last ~${j.callsAfterFull.toLocaleString('en-US')} bodies; ${round(j.rssGrowthMb, 1)} MB from warm-up while the list filled; peak ${Math.round(j.rssPeakMb)} MB`,
        },
  ],
  'support-bundle': (j) => [
    {
      figure: `support bundle from ${j.rows.toLocaleString('en-US')} rows (worst shape)`,
      value: round(j.worstMedianMs, 0),
      unit: 'ms',
      goal: '< 2,000 ms',
      ratio: round(j.worstMedianMs / 2000),
    },
  ],
};

/** The last JSON object line of a bench's output (the simulator bench prints it without a name). */
export function lastJson(output) {
  const lines = output.split('\n').filter((l) => l.startsWith('{'));
  for (const line of lines.reverse()) {
    try {
      return JSON.parse(line);
    } catch {
      /* not the summary line */
    }
  }
  return null;
}

export function figuresOf(name, json) {
  const read = FIGURES[name];
  if (!read || !json) return [{ figure: name, value: null, unit: '', goal: '', ratio: null, note: 'no summary line' }];
  try {
    return read(json);
  } catch (error) {
    return [{ figure: name, value: null, unit: '', goal: '', ratio: null, note: `unreadable summary: ${error.message}` }];
  }
}

export function formatTable(rows) {
  const cells = rows.map((r) => [
    r.figure,
    r.value === null ? '—' : `${r.value} ${r.unit}`,
    r.goal,
    r.ratio === null ? '' : r.ratio.toFixed(2),
    r.note ?? '',
  ]);
  const header = ['figure', 'value', 'goal', 'ratio', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) =>
    c
      .map((v, i) => v.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
