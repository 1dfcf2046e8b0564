CREATE TABLE "service_contact_request" (
	"id" text PRIMARY KEY NOT NULL,
	"service_id" text NOT NULL,
	"org_id" text NOT NULL,
	"sme_org_id" text NOT NULL,
	"sme_org_name" text NOT NULL,
	"requester_name" text NOT NULL,
	"requester_email" text NOT NULL,
	"message" text NOT NULL,
	"diagnosis_total" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"status" text NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"approved_version" integer,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_review" (
	"id" text PRIMARY KEY NOT NULL,
	"service_id" text NOT NULL,
	"version" integer NOT NULL,
	"standard_version" text NOT NULL,
	"action" text NOT NULL,
	"requirement_id" text,
	"comment" text,
	"actor_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_version" (
	"service_id" text NOT NULL,
	"org_id" text NOT NULL,
	"version" integer NOT NULL,
	"standard_version" text NOT NULL,
	"data" jsonb NOT NULL,
	"checks" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "service_contact_request" ADD CONSTRAINT "service_contact_request_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service" ADD CONSTRAINT "service_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_review" ADD CONSTRAINT "service_review_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_version" ADD CONSTRAINT "service_version_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_org_idx" ON "service_contact_request" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "service_org_idx" ON "service" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "service_status_idx" ON "service" USING btree ("status");--> statement-breakpoint
CREATE INDEX "service_review_idx" ON "service_review" USING btree ("service_id","created_at");--> statement-breakpoint
CREATE INDEX "service_version_idx" ON "service_version" USING btree ("service_id","version");