/** `npm run bench [name]`: runs the benchmarks under bench/ (not part of npm test). */
const all = ['diagnosis', 'monitoring', 'syslog', 'overload'];
// The overload run takes ten minutes; it runs only when named.
const byDefault = all.filter((n) => n !== 'overload');
const chosen = process.argv.slice(2).filter((a) => all.includes(a));
for (const name of chosen.length ? chosen : byDefault) {
  console.log(`\n# ${name}`);
  await import(`./${name}.bench.ts`);
}
