// Runs one measured task in this process and reports its wall time and peak RSS on stderr as
// `@@bench {"ms":…,"maxRssKb":…}`. Tasks: `baseline FILE` (a plain readline + JSON.parse loop)
// or `cli ARGS…` (the decaylab CLI, as the bin runs it).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const [task, ...args] = process.argv.slice(2);
const t0 = performance.now();
if (task === 'baseline') {
  const rl = createInterface({ input: createReadStream(args[0]), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    if (line) {
      JSON.parse(line);
      n += 1;
    }
  }
  process.stdout.write(`${n} lines\n`);
} else if (task === 'cli') {
  const { cli } = await import('../dist/main.js');
  process.exitCode = await cli(args);
} else {
  throw new Error(`unknown task ${task}`);
}
const ms = performance.now() - t0;
const usage = process.resourceUsage();
const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
process.stderr.write(`@@bench ${JSON.stringify({ ms, cpuMs, maxRssKb: usage.maxRSS })}\n`);
