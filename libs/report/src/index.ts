export * from './errors.js';
export * from './token-prices.js';
export * from './report-data.js';
export * from './svg-charts.js';
export * from './report-html.js';
export * from './write-report.js';
