CREATE TABLE "monitoring_alert" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"rule_id" text NOT NULL,
	"dedup_key" text NOT NULL,
	"group_values" jsonb NOT NULL,
	"severity" integer NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"sensor_id" text,
	"incident_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_incident" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"entity" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"severity" integer NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"alert_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"sensor_id" text NOT NULL,
	"event_hash" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"format" text NOT NULL,
	"source" text,
	"raw" text NOT NULL,
	"fields" jsonb NOT NULL,
	"detected" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_parse_failure" (
	"sensor_id" text NOT NULL,
	"reason" text NOT NULL,
	"org_id" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"sample" text,
	"last_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_parse_failure_sensor_id_reason_pk" PRIMARY KEY("sensor_id","reason")
);
--> statement-breakpoint
CREATE TABLE "monitoring_rule_override" (
	"org_id" text NOT NULL,
	"rule_id" text NOT NULL,
	"host" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_rule_override_org_id_rule_id_host_pk" PRIMARY KEY("org_id","rule_id","host")
);
--> statement-breakpoint
CREATE TABLE "monitoring_sensor" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"vendor" text,
	"source_address" text,
	"hostname" text,
	"token_hash" text NOT NULL,
	"token_prefix" text NOT NULL,
	"expected_interval_minutes" integer DEFAULT 60 NOT NULL,
	"last_seen_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_sensor_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "monitoring_rule_override" ADD CONSTRAINT "monitoring_rule_override_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_sensor" ADD CONSTRAINT "monitoring_sensor_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_org_key_idx" ON "monitoring_alert" USING btree ("org_id","dedup_key","last_seen_at");--> statement-breakpoint
CREATE INDEX "alert_org_status_idx" ON "monitoring_alert" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "incident_org_entity_idx" ON "monitoring_incident" USING btree ("org_id","entity","status");--> statement-breakpoint
CREATE UNIQUE INDEX "event_org_hash_idx" ON "monitoring_event" USING btree ("org_id","event_hash");--> statement-breakpoint
CREATE INDEX "event_org_ts_idx" ON "monitoring_event" USING btree ("org_id","ts");--> statement-breakpoint
CREATE INDEX "event_pending_idx" ON "monitoring_event" USING btree ("id") WHERE "monitoring_event"."detected" = false;--> statement-breakpoint
CREATE INDEX "event_received_idx" ON "monitoring_event" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "sensor_org_idx" ON "monitoring_sensor" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "sensor_source_idx" ON "monitoring_sensor" USING btree ("source_address");