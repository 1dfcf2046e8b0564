CREATE TABLE "monitoring_incident_note" (
	"id" text PRIMARY KEY NOT NULL,
	"incident_id" text NOT NULL,
	"org_id" text NOT NULL,
	"author_user_id" text,
	"author_name" text NOT NULL,
	"side" text NOT NULL,
	"visibility" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_webhook" (
	"org_id" text PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"last_status" integer,
	"last_error" text,
	"last_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monitoring_incident" ADD COLUMN "assignee_user_id" text;--> statement-breakpoint
ALTER TABLE "monitoring_incident" ADD COLUMN "verdict" text;--> statement-breakpoint
ALTER TABLE "monitoring_incident" ADD COLUMN "verdict_reason" text;--> statement-breakpoint
ALTER TABLE "monitoring_incident" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "monitoring_incident_note" ADD CONSTRAINT "monitoring_incident_note_incident_id_monitoring_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."monitoring_incident"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_webhook" ADD CONSTRAINT "monitoring_webhook_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_note_incident_idx" ON "monitoring_incident_note" USING btree ("incident_id","created_at");