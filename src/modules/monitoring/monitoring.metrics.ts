import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** What an operator watches in /metrics for the monitoring pipeline. */
export function createMonitoringMetrics(
  registry: Registry,
  sources: { backlog: () => Promise<number>; udpDropped: () => number; windows: () => Promise<number> },
) {
  return {
    received: new Counter({
      name: 'mamori_monitoring_events_received_total',
      help: 'Event lines received, by transport and sensor kind',
      labelNames: ['transport', 'kind'],
      registers: [registry],
    }),
    accepted: new Counter({
      name: 'mamori_monitoring_events_parsed_total',
      help: 'Event lines parsed and durably stored, by sensor kind',
      labelNames: ['kind'],
      registers: [registry],
    }),
    rejected: new Counter({
      name: 'mamori_monitoring_events_failed_total',
      help: 'Event lines that failed to parse, by reason',
      labelNames: ['reason'],
      registers: [registry],
    }),
    detected: new Counter({
      name: 'mamori_monitoring_events_detected_total',
      help: 'Events run through detection',
      registers: [registry],
    }),
    alerts: new Counter({
      name: 'mamori_monitoring_alerts_created_total',
      help: 'Alerts opened, by rule',
      labelNames: ['rule'],
      registers: [registry],
    }),
    latency: new Histogram({
      name: 'mamori_monitoring_ingest_seconds',
      help: 'Time from receiving a batch to its durable commit',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    backlog: new Gauge({
      name: 'mamori_monitoring_queue_depth',
      help: 'Accepted events waiting for detection',
      registers: [registry],
      async collect() {
        this.set(await sources.backlog());
      },
    }),
    udpDropped: new Gauge({
      name: 'mamori_monitoring_syslog_udp_dropped',
      help: 'Syslog UDP datagrams dropped because the queue was full',
      registers: [registry],
      collect() {
        this.set(sources.udpDropped());
      },
    }),
    windows: new Gauge({
      name: 'mamori_monitoring_aggregation_windows',
      help: 'Sliding count windows of counting rules (kept in the database)',
      registers: [registry],
      async collect() {
        this.set(await sources.windows());
      },
    }),
  };
}
export type MonitoringMetrics = ReturnType<typeof createMonitoringMetrics>;
