import type { ReportData } from './report-data.js';
import { barChart, escapeHtml, histogram, stackedBars } from './svg-charts.js';

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2330; margin: 24px auto; max-width: 1080px; padding: 0 16px; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #dde2ea; padding-bottom: 4px; }
.meta { color: #5b6576; } .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 16px 28px; }
figure { margin: 0; } figcaption { font-weight: 600; margin-bottom: 6px; } .note { color: #7a8494; font-style: italic; }
svg.chart { width: 100%; height: auto; display: block; } svg.chart text { font-size: 12px; fill: #1d2330; } table { border-collapse: collapse; } td, th { padding: 4px 12px 4px 0; text-align: left; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; } .status-succeeded { color: #2f7d46; } .status-failed, .status-unknown { color: #b3343a; }
`;

const num = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function figure(caption: string, body: string): string {
  return `<figure><figcaption>${escapeHtml(caption)}</figcaption>${body}</figure>`;
}

function note(text: string): string {
  return `<p class="note">${escapeHtml(text)}</p>`;
}

function meanOf(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}

function countsSection(data: ReportData): string {
  const { info } = data;
  const stages = figure(`Records per stage (of ${info.count})`, barChart('stages', data.stages, { max: info.count, suffix: () => ` / ${info.count}` }));
  const rejections =
    data.rejections.length > 0
      ? figure('Rejected instructions by reason', barChart('rejections', data.rejections))
      : figure('Rejected instructions by reason', note('no instruction was rejected'));
  const skipped =
    data.skippedPairs.length > 0
      ? figure('Skipped preference pairs by reason', barChart('skipped-pairs', data.skippedPairs))
      : figure('Skipped preference pairs by reason', note('no pair was skipped'));
  const dead = figure('Dead letters', `<p>${num(data.deadLettered)} message(s) the stages gave up on</p>`);
  return `<h2>Counts</h2><div class="grid">${stages}${rejections}${skipped}${dead}</div>`;
}

function rewardsSection(data: ReportData): string {
  const scores =
    data.rewardScores.length > 0
      ? figure(`Reward scores of ${num(data.rewardScores.length)} sampled responses (mean ${data.rewardScores.length ? meanOf(data.rewardScores).toFixed(3) : '–'})`, histogram('reward-scores', data.rewardScores))
      : figure('Reward scores', note('no reward was recorded'));
  const margins =
    data.margins.length > 0
      ? figure(`Chosen − rejected margin of ${num(data.margins.length)} pairs (mean ${meanOf(data.margins).toFixed(3)})`, histogram('margins', data.margins))
      : figure('Pair margins', note('no pair was emitted'));
  return `<h2>Rewards and margins</h2><div class="grid">${scores}${margins}</div>`;
}

function qualitySection(data: ReportData): string {
  const agreement = data.agreement
    ? figure(`Answer agreement per problem (mean ${meanOf(data.agreement).toFixed(2)})`, histogram('agreement', data.agreement, 10))
    : figure('Answer agreement', note('not recorded: these records carry no agreement field'));
  const v = data.verified;
  const verified = v
    ? figure(
        `Verified SFT solutions: ${((v.verified / Math.max(1, v.total)) * 100).toFixed(1)}%`,
        barChart('verified', [['verified', v.verified], ['not verified', v.total - v.verified]], { max: v.total, suffix: () => ` / ${v.total}` }),
      )
    : figure('Verified share', note('not recorded: these SFT records carry no verified field'));
  return `<h2>Answer agreement and verified share</h2><div class="grid">${agreement}${verified}</div>`;
}

function mixSection(data: ReportData): string {
  const { mix } = data;
  const caption = mix.by === 'difficulty' ? 'Difficulty mix per domain' : 'Subtopic mix per domain (problems carry no difficulty tag)';
  const body = mix.domains.length > 0 ? stackedBars('mix', mix.domains.map((d) => ({ label: d.domain, tally: d.tally }))) : note('no problem was written');
  return `<h2>Problem mix</h2>${figure(caption, body)}`;
}

function costSection(data: ReportData): string {
  const { info, cost } = data;
  const pairs = cost.acceptedPairs;
  const per = (n: number, digits = 0): string => (pairs > 0 ? num(n / pairs, digits) : '–');
  const usage = (['generator', 'solver', 'sampler'] as const)
    .map((stage) => `<tr><td>${stage}</td><td class="n">${num(info.usage[stage].prompt_tokens)}</td><td class="n">${num(info.usage[stage].completion_tokens)}</td></tr>`)
    .join('');
  const price =
    cost.cost === undefined
      ? note('cost not computed: set token prices (magpie report --prompt-price / --completion-price, or MAGPIE_PROMPT_PRICE / MAGPIE_COMPLETION_PRICE, per million tokens)')
      : `<p>Prices: ${cost.prices.promptPerMillion} ${escapeHtml(cost.prices.currency)} per million prompt tokens, ${cost.prices.completionPerMillion} per million completion tokens.</p>`;
  return (
    `<h2>Tokens, time and cost</h2><div class="grid"><table><tr><th>stage</th><th class="n">prompt tokens</th><th class="n">completion tokens</th></tr>${usage}` +
    `<tr><th>total</th><th class="n">${num(cost.promptTokens)}</th><th class="n">${num(cost.completionTokens)}</th></tr></table>` +
    `<table><tr><th></th><th class="n">total</th><th class="n">per accepted pair (${num(pairs)})</th></tr>` +
    `<tr><td>tokens</td><td class="n">${num(cost.promptTokens + cost.completionTokens)}</td><td class="n">${per(cost.promptTokens + cost.completionTokens)}</td></tr>` +
    `<tr><td>time (s)</td><td class="n">${num(cost.seconds, 1)}</td><td class="n">${per(cost.seconds, 3)}</td></tr>` +
    `<tr><td>cost (${escapeHtml(cost.prices.currency)})</td><td class="n">${cost.cost === undefined ? '–' : num(cost.cost, 4)}</td><td class="n">${cost.cost === undefined ? '–' : per(cost.cost, 6)}</td></tr></table></div>${price}`
  );
}

/** The whole report as one self-contained HTML page: inline CSS and SVG, no script, nothing fetched. */
export function renderReportHtml(data: ReportData): string {
  const { info } = data;
  const title = `Run report: ${info.run_id}`;
  const complete = info.complete ? 'complete' : escapeHtml(info.note);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(info.domain)} · ${num(info.count)} problems · generator ${escapeHtml(info.stages.generator.model)} · reward ${escapeHtml(info.reward_model)} (${escapeHtml(info.stages.reward.pair_rule)})<br>
<span class="status-${escapeHtml(info.status)}">${escapeHtml(info.status)}</span> (${complete}) · ${escapeHtml(info.started_at)} → ${escapeHtml(info.finished_at)} · ${escapeHtml(info.platform.name)} ${escapeHtml(info.platform.version)}</p>
${countsSection(data)}
${rewardsSection(data)}
${qualitySection(data)}
${mixSection(data)}
${costSection(data)}
</body></html>
`;
}
