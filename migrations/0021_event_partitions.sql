-- monitoring_event becomes partitioned by the day of "ts" (written by hand: drizzle-kit does
-- not model partitions). Days get their own tables from monitoring.partitions.ts; whatever
-- has no day table yet (a fresh install's first minutes, a device whose clock is far off)
-- goes to the default partition. Rows and the id sequence are kept.
ALTER TABLE "monitoring_event" RENAME TO "monitoring_event_unpartitioned";--> statement-breakpoint
ALTER INDEX "event_org_hash_idx" RENAME TO "event_org_hash_idx_unpartitioned";--> statement-breakpoint
ALTER INDEX "event_org_ts_idx" RENAME TO "event_org_ts_idx_unpartitioned";--> statement-breakpoint
ALTER INDEX "event_pending_idx" RENAME TO "event_pending_idx_unpartitioned";--> statement-breakpoint
ALTER INDEX "event_received_idx" RENAME TO "event_received_idx_unpartitioned";--> statement-breakpoint
CREATE TABLE "monitoring_event" (
	"id" bigint DEFAULT nextval('monitoring_event_id_seq') NOT NULL,
	"org_id" text NOT NULL,
	"sensor_id" text NOT NULL,
	"event_hash" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"format" text NOT NULL,
	"source" text,
	"raw" text NOT NULL,
	"fields" jsonb NOT NULL,
	"detected" boolean DEFAULT false NOT NULL,
	CONSTRAINT "monitoring_event_id_ts_pk" PRIMARY KEY("id","ts")
) PARTITION BY RANGE ("ts");--> statement-breakpoint
CREATE TABLE "monitoring_event_default" PARTITION OF "monitoring_event" DEFAULT;--> statement-breakpoint
CREATE UNIQUE INDEX "event_org_hash_idx" ON "monitoring_event" USING btree ("org_id","event_hash","ts");--> statement-breakpoint
CREATE INDEX "event_org_ts_idx" ON "monitoring_event" USING btree ("org_id","ts");--> statement-breakpoint
CREATE INDEX "event_pending_idx" ON "monitoring_event" USING btree ("id") WHERE "monitoring_event"."detected" = false;--> statement-breakpoint
CREATE INDEX "event_received_idx" ON "monitoring_event" USING btree ("received_at");--> statement-breakpoint
INSERT INTO "monitoring_event" SELECT "id", "org_id", "sensor_id", "event_hash", "received_at", "ts", "format", "source", "raw", "fields", "detected" FROM "monitoring_event_unpartitioned";--> statement-breakpoint
ALTER SEQUENCE "monitoring_event_id_seq" OWNED BY "monitoring_event"."id";--> statement-breakpoint
DROP TABLE "monitoring_event_unpartitioned";
