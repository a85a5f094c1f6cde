// Preloaded with `node --require` by bench/startup.js: reports the process's CPU time (user +
// system, µs) on stderr as it exits, so that start-up can be timed without other processes' load.
process.on('exit', () => {
  const u = process.cpuUsage();
  require('node:fs').writeSync(2, `@@cpu ${u.user + u.system}\n`);
});
