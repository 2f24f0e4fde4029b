// Prints the plain CI summary from Vitest's JSON report: "N passed, N failed[, N skipped]".
// Failed static checks (lint, typecheck, format, generated code) count as failures too.
import { existsSync, readFileSync } from 'node:fs';

const [file, staticFailedArg = '0'] = process.argv.slice(2);
const staticFailed = Number(staticFailedArg);
if (!file || !existsSync(file)) {
  console.log(`0 passed, ${staticFailed + 1} failed`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
const passed = report.numPassedTests ?? 0;
const failed =
  (report.numFailedTests ?? 0) +
  staticFailed +
  (report.success === false && report.numFailedTests === 0 ? 1 : 0);
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
