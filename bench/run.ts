/** `npm run bench [name]`: runs the benchmarks under bench/ (not part of npm test). */
const all = ['diagnosis', 'monitoring', 'syslog'];
const chosen = process.argv.slice(2).filter((a) => all.includes(a));
for (const name of chosen.length ? chosen : all) {
  console.log(`\n# ${name}`);
  await import(`./${name}.bench.ts`);
}
