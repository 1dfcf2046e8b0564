import { createHash } from 'node:crypto';
import {
  AckPolicy,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
} from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { Backpressure, type EventCommitter } from './monitoring.committer.ts';
import type { EventSink } from './monitoring.pipeline.ts';
import type { EventBatch } from './monitoring.prepare.ts';

/** Stays under NATS's default 1 MiB message limit with room for headers. */
const MAX_MESSAGE_BYTES = 700 * 1024;
/** Unacknowledged messages one worker holds at a time (its share of the work). */
const IN_FLIGHT = 32;
const CONSUMER = 'mamori-detect';

/** The message: one JSON header line, then the events' COPY rows as they are. */
type Header = Omit<EventBatch, 'receivedAt' | 'copy'> & { receivedAt: string };

/** Splits a batch into messages under the size limit, at row boundaries (a row ends in \n). */
export function encode(batch: EventBatch): Uint8Array[] {
  const out: Uint8Array[] = [];
  const copy = Buffer.from(batch.copy.buffer, batch.copy.byteOffset, batch.copy.byteLength);
  const base = { sensorId: batch.sensorId, orgId: batch.orgId, receivedAt: batch.receivedAt.toISOString() };
  let failures = batch.failures;
  let from = 0;
  let row = 0;
  while (from < copy.length || out.length === 0) {
    let to = from;
    let rows = 0;
    while (to < copy.length) {
      const end = copy.indexOf(10, to);
      const next = end < 0 ? copy.length : end + 1;
      if (rows > 0 && next - from > MAX_MESSAGE_BYTES) break;
      to = next;
      rows++;
    }
    const hashes = batch.hashes.slice(row, row + rows);
    const mine = new Set(hashes);
    const header: Header = {
      ...base,
      hashes,
      matches: batch.matches.filter((m) => mine.has(m.eventHash)),
      failures,
    };
    out.push(Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), copy.subarray(from, to)]));
    failures = [];
    from = to;
    row += rows;
  }
  return out;
}

export function decode(data: Uint8Array): EventBatch {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const nl = buf.indexOf(10);
  if (nl < 0) throw new Error('no header line');
  const h = JSON.parse(buf.subarray(0, nl).toString('utf8')) as Header;
  if (!Array.isArray(h.hashes) || !Array.isArray(h.matches)) throw new Error('not a monitoring batch');
  return { ...h, receivedAt: new Date(h.receivedAt), copy: buf.subarray(nl + 1) };
}

/**
 * Scale-out over NATS JetStream. Ingest nodes parse, match rules and encode (the stateless
 * work), publish each prepared batch to a file-backed work-queue stream and answer 202 once
 * the stream has stored it; detection workers (any number of processes) share one durable
 * consumer and do the stateful part — counting windows, tenant overrides, dedup, alerts and
 * incidents — through the same EventCommitter as the single-process mode, acking only after
 * the commit. A worker killed mid-batch
 * leaves its messages unacked; they are delivered again and, being idempotent on the event
 * hash, add nothing twice.
 */
export class JetStreamPipeline implements EventSink {
  private nc: NatsConnection | undefined;
  private js: JetStreamClient | undefined;
  private jsm: JetStreamManager | undefined;
  private messages: ConsumerMessages | undefined;
  private inFlight = 0;
  private pendingPublishes = 0;
  published = 0;

  constructor(
    private readonly opts: {
      url: string;
      stream: string;
      /** Consume and commit in this process. */
      committer: Pick<EventCommitter, 'submit'> | null;
      log?: { error: (o: object, m: string) => void };
      /** Redelivery delay for an unacked message (a crashed worker's batch). */
      ackWaitMs?: number;
    },
  ) {}

  get subject(): string {
    return `${this.opts.stream.toLowerCase()}.events`;
  }

  /** Publishing is bounded too: too many batches waiting for the stream's ack → 429. */
  get full(): boolean {
    return this.pendingPublishes >= 64;
  }

  async start(): Promise<void> {
    this.nc = await connect({ servers: this.opts.url, name: 'mamori-monitoring' });
    this.jsm = await jetstreamManager(this.nc);
    this.js = jetstream(this.nc);
    const stream = {
      name: this.opts.stream,
      subjects: [`${this.subject}.>`],
      retention: RetentionPolicy.Workqueue,
      storage: StorageType.File,
    };
    try {
      await this.jsm.streams.info(this.opts.stream);
    } catch {
      await this.jsm.streams.add(stream);
    }
    const ackWait = (this.opts.ackWaitMs ?? 30_000) * 1_000_000;
    try {
      await this.jsm.consumers.info(this.opts.stream, CONSUMER);
    } catch {
      await this.jsm.consumers.add(this.opts.stream, {
        durable_name: CONSUMER,
        ack_policy: AckPolicy.Explicit,
        ack_wait: ackWait,
        max_ack_pending: 10_000,
      });
    }
    if (this.opts.committer) void this.consume(this.opts.committer);
  }

  async submit(batch: EventBatch): Promise<number> {
    if (!this.js) throw new Error('JetStream pipeline not started');
    if (this.full) throw new Backpressure(1);
    this.pendingPublishes++;
    try {
      const subject = `${this.subject}.${batch.orgId}`;
      for (const data of encode(batch)) {
        // The message id lets the stream drop a retried publish of the same batch.
        const msgID = createHash('sha256').update(data).digest('base64url');
        await this.js.publish(subject, data, { msgID });
        this.published++;
      }
      return batch.hashes.length;
    } finally {
      this.pendingPublishes--;
    }
  }

  private async consume(committer: Pick<EventCommitter, 'submit'>): Promise<void> {
    if (!this.js) return;
    const consumer = await this.js.consumers.get(this.opts.stream, CONSUMER);
    this.messages = await consumer.consume({ max_messages: IN_FLIGHT });
    for await (const m of this.messages) {
      this.inFlight++;
      let batch: EventBatch;
      try {
        batch = decode(m.data);
      } catch (err) {
        // Not ours or corrupt: it can never succeed, so it is dropped, loudly.
        this.opts.log?.error({ err, seq: m.seq }, 'undecodable monitoring message dropped');
        m.term();
        this.inFlight--;
        continue;
      }
      // Not awaited: batches in flight are grouped into one commit by the committer.
      committer
        .submit(batch)
        .then(() => m.ack())
        .catch((err) => {
          this.opts.log?.error({ err }, 'monitoring batch failed; it will be redelivered');
          m.nak(1000);
        })
        .finally(() => {
          this.inFlight--;
        });
    }
  }

  /** Messages not yet acked by any worker (queue depth in /metrics; tests wait for 0). */
  async backlog(): Promise<number> {
    if (!this.jsm) return 0;
    const info = await this.jsm.consumers.info(this.opts.stream, CONSUMER);
    return info.num_pending + info.num_ack_pending;
  }

  /** Waits until every published batch has been committed by some worker. */
  async drain(timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while ((await this.backlog()) > 0 || this.inFlight > 0) {
      if (Date.now() > until) throw new Error('JetStream backlog did not drain');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Tests: die like a killed process — no acks, no drain; unacked messages go to others. */
  async kill(): Promise<void> {
    await this.nc?.close();
  }

  async stop(): Promise<void> {
    await this.messages?.close();
    while (this.inFlight > 0) await new Promise((r) => setTimeout(r, 10));
    await this.nc?.drain();
  }

  /** Tests: remove the stream (and its consumer). */
  async destroy(): Promise<void> {
    await this.jsm?.streams.delete(this.opts.stream).catch(() => undefined);
  }
}
