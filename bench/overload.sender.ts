/**
 * Floods /api/v1/ingest for a fixed time with many requests in flight, far faster than the
 * store can commit, honouring 429 Retry-After. In its own process.
 * Usage: node --import tsx bench/overload.sender.ts <baseUrl> <token> <seconds> <concurrency>
 * Prints {accepted, refused429, requests}.
 */
const [base, token, secondsArg, concArg] = process.argv.slice(2);
const until = Date.now() + Number(secondsArg) * 1000;
let seq = 0;
let accepted = 0;
let refused = 0;
let requests = 0;
const batch = () =>
  Array.from({ length: 1000 }, () => {
    seq++;
    return JSON.stringify({
      '@timestamp': new Date().toISOString(),
      event: { category: seq % 97 === 0 ? 'authentication' : 'network', outcome: 'failure' },
      source: { ip: `198.51.100.${seq % 250}` },
      seq,
    });
  }).join('\n');
const worker = async () => {
  while (Date.now() < until) {
    requests++;
    const res = await fetch(`${base}/api/v1/ingest`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
      body: batch(),
    });
    if (res.status === 202) accepted += (await res.json()).accepted;
    else if (res.status === 429) {
      refused++;
      await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 1000));
    } else throw new Error(`ingest answered ${res.status}`);
  }
};
await Promise.all(Array.from({ length: Number(concArg ?? 32) }, worker));
process.stdout.write(JSON.stringify({ accepted, refused429: refused, requests }));
