CREATE TABLE "monitoring_incident_step" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"incident_id" text NOT NULL,
	"org_id" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_user_id" text,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monitoring_incident" ALTER COLUMN "status" SET DEFAULT 'new';--> statement-breakpoint
ALTER TABLE "monitoring_incident_step" ADD CONSTRAINT "monitoring_incident_step_incident_id_monitoring_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."monitoring_incident"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_step_incident_idx" ON "monitoring_incident_step" USING btree ("incident_id","at");--> statement-breakpoint
UPDATE "monitoring_incident" SET "status" = 'new' WHERE "status" = 'open';
