import { Worker } from 'node:worker_threads';
import type { EventBatch, IngestStats, SensorRef } from './monitoring.prepare.ts';
import type { ThreatIndex, ThreatSnapshot } from './monitoring.threats.ts';

export type PoolRequest =
  | { type: 'threats'; snapshot: ThreatSnapshot }
  | {
      type: 'prepare';
      id: number;
      sensor: SensorRef;
      /** A request body (split in the thread) or lines already apart (syslog). */
      lines: string | string[];
      source: string;
      receivedAt: number;
      sourceIp: string | undefined;
    };
export type PoolResponse =
  | { id: number; batch: EventBatch; stats: IngestStats; error?: undefined; ready?: undefined }
  | { id: number; error: string; ready?: undefined }
  | { ready: true };

interface Thread {
  worker: Worker;
  busy: number;
  threatsVersion: number;
  /** Resolves once the thread has loaded the rules and can take work. */
  ready: Promise<void>;
  jobs: Map<
    number,
    { resolve: (r: { batch: EventBatch; stats: IngestStats }) => void; reject: (e: Error) => void }
  >;
}

/**
 * Worker threads that prepare batches: parsing, matching 300 rules and encoding are most of
 * the CPU an event costs, and on a machine with cores to spare they run beside the main
 * thread. Each job goes to the least busy thread; threat lists follow the main thread's
 * (sent again whenever they reload). A thread that dies fails its jobs (the senders get 5xx
 * and send again; nothing of theirs was acknowledged) and is replaced.
 */
export class PreparePool {
  private readonly threads: Thread[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    size: number,
    private readonly threats: ThreatIndex,
  ) {
    for (let i = 0; i < size; i++) this.threads.push(this.spawn());
  }

  get size(): number {
    return this.threads.length;
  }

  private spawn(): Thread {
    const worker = new Worker(new URL('./monitoring.prepare.thread.mjs', import.meta.url));
    let started = () => {};
    const ready = new Promise<void>((r) => {
      started = r;
    });
    const t: Thread = { worker, busy: 0, threatsVersion: -1, ready, jobs: new Map() };
    worker.unref();
    worker.on('message', (r: PoolResponse) => {
      if (r.ready) return started();
      const job = t.jobs.get(r.id);
      if (!job) return;
      t.jobs.delete(r.id);
      t.busy--;
      if (r.error !== undefined) job.reject(new Error(`prepare thread: ${r.error}`));
      else job.resolve({ batch: r.batch, stats: r.stats });
    });
    const fail = (err: Error) => {
      for (const job of t.jobs.values()) job.reject(err);
      t.jobs.clear();
      t.busy = 0;
      const i = this.threads.indexOf(t);
      if (i >= 0 && !this.closed) this.threads[i] = this.spawn();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`prepare thread exited with code ${code}`));
    });
    return t;
  }

  prepare(
    sensor: SensorRef,
    lines: string | string[],
    source: string,
    receivedAt: Date,
    sourceIp: string | undefined,
  ): Promise<{ batch: EventBatch; stats: IngestStats }> {
    const t = this.threads.reduce((a, b) => (b.busy < a.busy ? b : a));
    if (t.threatsVersion !== this.threats.version) {
      t.worker.postMessage({ type: 'threats', snapshot: this.threats.snapshot() } satisfies PoolRequest);
      t.threatsVersion = this.threats.version;
    }
    const id = this.nextId++;
    t.busy++;
    return new Promise((resolve, reject) => {
      t.jobs.set(id, { resolve, reject });
      t.worker.postMessage({
        type: 'prepare',
        id,
        sensor: { id: sensor.id, orgId: sensor.orgId, name: sensor.name, kind: sensor.kind },
        lines,
        source,
        receivedAt: receivedAt.getTime(),
        sourceIp,
      } satisfies PoolRequest);
    });
  }

  /** Resolves when every thread can take work (jobs sent before simply wait for it). */
  async ready(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.ready));
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}
