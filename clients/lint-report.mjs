// Prints a linter's JSON report one problem a line and ends with "errors=N warnings=M".
// Usage: node lint-report.mjs redocly|spectral REPORT.json
import { readFileSync } from "node:fs";

const [tool, file] = process.argv.slice(2);
let report;
try {
  report = JSON.parse(readFileSync(file, "utf8"));
} catch (error) {
  console.log(`  could not read the ${tool} report: ${error.message}`);
  console.log("errors=1 warnings=0");
  process.exit(0);
}

const lines = [];
let errors = 0;
let warnings = 0;
if (tool === "redocly") {
  // { problems: [{ ruleId, severity: "error"|"warn", message, location: [{ pointer }] }] }
  for (const p of report.problems ?? []) {
    const where = (p.location ?? []).map((l) => l.pointer).filter(Boolean).join(", ");
    if (p.severity === "error") errors++;
    else if (p.severity === "warn") warnings++;
    lines.push(`  ${p.severity.padEnd(5)} ${p.ruleId}: ${p.message} at ${where}`);
  }
} else {
  // [{ code, severity: 0 error | 1 warn | 2 info | 3 hint, message, path: [...] }]
  const names = ["error", "warn", "info", "hint"];
  for (const p of report ?? []) {
    if (p.severity === 0) errors++;
    else if (p.severity === 1) warnings++;
    lines.push(`  ${(names[p.severity] ?? String(p.severity)).padEnd(5)} ${p.code}: ${p.message} at #/${(p.path ?? []).join("/")}`);
  }
}
// Errors first; identical rule lines stay together.
lines.sort((a, b) => (a.startsWith("  error") === b.startsWith("  error") ? a.localeCompare(b) : a.startsWith("  error") ? -1 : 1));
for (const line of lines) console.log(line);
console.log(`errors=${errors} warnings=${warnings}`);
