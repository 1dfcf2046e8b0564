/**
 * A thread that prepares batches (parse, threat marks, rule matches, COPY encoding) for the
 * PreparePool, so that the main thread is left with HTTP, the database and the commit.
 */
import { parentPort } from 'node:worker_threads';
import { Detector } from './monitoring.detect.ts';
import { rules } from './monitoring.pipeline.ts';
import type { PoolRequest, PoolResponse } from './monitoring.prepare.pool.ts';
import { EventPreparer } from './monitoring.prepare.ts';
import { ThreatIndex } from './monitoring.threats.ts';

const preparer = new EventPreparer(new Detector(rules), new ThreatIndex());
const port = parentPort;
if (!port) throw new Error('monitoring.prepare.worker runs only as a worker thread');

port.postMessage({ ready: true });
port.on('message', (m: PoolRequest) => {
  if (m.type === 'threats') {
    preparer.threats.restore(m.snapshot);
    return;
  }
  let reply: PoolResponse;
  try {
    const lines = typeof m.lines === 'string' ? m.lines.split('\n') : m.lines;
    const { batch, stats } = preparer.prepare(m.sensor, lines, m.source, new Date(m.receivedAt), m.sourceIp);
    reply = { id: m.id, batch, stats };
    port.postMessage(reply, [batch.copy.buffer as ArrayBuffer]);
  } catch (err) {
    reply = { id: m.id, error: String((err as Error)?.stack ?? err) };
    port.postMessage(reply);
  }
});
