import dgram from 'node:dgram';
import net from 'node:net';
import type { AppDb } from '../../kernel/db/client.ts';
import { Backpressure } from './monitoring.committer.ts';
import type { MonitoringMetrics } from './monitoring.metrics.ts';
import { type EventSink, ingest } from './monitoring.pipeline.ts';
import type { EventPreparer } from './monitoring.prepare.ts';
import * as repo from './monitoring.repo.ts';

export interface SyslogCounters {
  udpReceived: number;
  udpDropped: number;
  tcpReceived: number;
  unknownSender: number;
}

const HOST_IN_HEADER = /^<\d{1,3}>(?:1 \S+ (\S+)|[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d (\S+))/;

/**
 * Syslog over UDP and TCP (octet-counted or newline-framed). Lines are matched to a
 * sensor by the sender's address, else by the hostname in the header, and appended in
 * small batches. A TCP connection stops being read while its frames wait to be committed,
 * so a slow database slows the sender (the kernel's receive window fills) instead of filling
 * memory, and a frame once read is committed before more are read. UDP cannot be slowed, so
 * overflow is dropped and counted (mamori_monitoring_syslog_udp_dropped).
 */
export class SyslogReceiver {
  readonly counters: SyslogCounters = { udpReceived: 0, udpDropped: 0, tcpReceived: 0, unknownSender: 0 };
  private udp: dgram.Socket | undefined;
  private tcp: net.Server | undefined;
  private queue: Array<{ line: string; address: string }> = [];
  private flushing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | undefined;
  static readonly MAX_QUEUE = 50_000;

  constructor(
    private readonly db: AppDb,
    private readonly sink: EventSink,
    private readonly preparer: EventPreparer,
    private readonly metrics?: MonitoringMetrics,
  ) {}

  async start(host: string, port: number): Promise<{ udpPort: number; tcpPort: number }> {
    this.udp = dgram.createSocket({
      type: host.includes(':') ? 'udp6' : 'udp4',
      recvBufferSize: 4 * 1024 * 1024,
    });
    this.udp.on('message', (msg, rinfo) => {
      this.counters.udpReceived++;
      if (this.queue.length >= SyslogReceiver.MAX_QUEUE || this.sink.full) {
        this.counters.udpDropped++;
        return;
      }
      for (const line of msg.toString('utf8').split('\n')) if (line.trim()) this.push(line, rinfo.address);
    });
    await new Promise<void>((resolve, reject) => {
      this.udp?.once('error', reject);
      this.udp?.bind(port, host, () => {
        this.udp?.off('error', reject);
        resolve();
      });
    });
    const udpPort = this.udp.address().port;

    this.tcp = net.createServer((socket) => this.handleTcp(socket));
    await new Promise<void>((resolve, reject) => {
      this.tcp?.once('error', reject);
      this.tcp?.listen(port, host, () => {
        this.tcp?.off('error', reject);
        resolve();
      });
    });
    const tcpPort = (this.tcp.address() as net.AddressInfo).port;
    return { udpPort, tcpPort };
  }

  private handleTcp(socket: net.Socket) {
    let buf = Buffer.alloc(0);
    let scheduled = false;
    const address = socket.remoteAddress?.replace(/^::ffff:/, '') ?? '';
    socket.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      // Octet counting (RFC 6587 3.4.1): "<len> <msg>"; otherwise newline framing.
      for (;;) {
        const m = /^(\d{1,6}) /.exec(buf.subarray(0, 8).toString('latin1'));
        if (m) {
          const len = Number(m[1]);
          const start = (m[1] as string).length + 1;
          if (buf.length < start + len) break;
          this.push(buf.subarray(start, start + len).toString('utf8'), address);
          buf = buf.subarray(start + len);
          continue;
        }
        const nl = buf.indexOf(0x0a);
        if (nl < 0) {
          if (buf.length > 1024 * 1024) buf = Buffer.alloc(0); // a runaway line without a newline
          break;
        }
        const line = buf.subarray(0, nl).toString('utf8').replace(/\r$/, '');
        if (line.trim()) this.push(line, address);
        buf = buf.subarray(nl + 1);
      }
      this.counters.tcpReceived++;
      // Let the reads already due in this turn arrive, then stop reading until they commit.
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          socket.pause();
          void this.flush().finally(() => socket.resume());
        });
      }
    });
    socket.on('end', () => {
      const rest = buf.toString('utf8').trim();
      if (rest) this.push(rest, address);
      void this.flush();
    });
    socket.on('error', () => socket.destroy());
  }

  private push(line: string, address: string) {
    this.queue.push({ line, address });
    this.timer ??= setTimeout(() => void this.flush(), 50);
  }

  /** Appends what is queued, grouped by sensor. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing.then(() => (this.queue.length ? this.flush() : undefined));
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.queue;
    this.queue = [];
    if (!batch.length) return Promise.resolve();
    this.flushing = (async () => {
      const bySensor = new Map<string, { sensor: repo.SensorRow; lines: string[]; address: string }>();
      const cache = new Map<string, repo.SensorRow | undefined>();
      for (const item of batch) {
        const hostname = HOST_IN_HEADER.exec(item.line);
        const host = hostname?.[1] ?? hostname?.[2];
        const cacheKey = `${item.address}|${host ?? ''}`;
        if (!cache.has(cacheKey))
          cache.set(cacheKey, await repo.findSensorBySource(this.db, item.address, host));
        const s = cache.get(cacheKey);
        if (!s) {
          this.counters.unknownSender++;
          continue;
        }
        const entry = bySensor.get(s.id) ?? { sensor: s, lines: [], address: item.address };
        entry.lines.push(item.line);
        bySensor.set(s.id, entry);
      }
      for (const { sensor, lines, address } of bySensor.values()) {
        const receivedAt = new Date();
        for (;;) {
          try {
            await this.preparer.refresh(this.db);
            const r = await ingest(this.sink, this.preparer, sensor, lines, 'syslog', receivedAt, address);
            this.metrics?.received.inc({ transport: 'syslog', kind: sensor.kind }, r.received);
            this.metrics?.accepted.inc({ kind: sensor.kind }, r.accepted);
            for (const x of r.rejected) this.metrics?.rejected.inc({ reason: x.reason });
            break;
          } catch (err) {
            // Lines already read are never dropped: wait for room and try again.
            if (!(err instanceof Backpressure)) throw err;
            await new Promise((res) => setTimeout(res, 200));
          }
        }
      }
    })().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  async stop() {
    await new Promise<void>((r) => (this.udp ? this.udp.close(() => r()) : r()));
    await new Promise<void>((r) => (this.tcp ? this.tcp.close(() => r()) : r()));
    await this.flush();
  }
}
