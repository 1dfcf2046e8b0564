CREATE TABLE "org_service_link" (
	"id" text PRIMARY KEY NOT NULL,
	"provider_org_id" text NOT NULL,
	"customer_org_id" text NOT NULL,
	"granted_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "org_service_link" ADD CONSTRAINT "org_service_link_provider_org_id_organization_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_service_link" ADD CONSTRAINT "org_service_link_customer_org_id_organization_id_fk" FOREIGN KEY ("customer_org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "service_link_active_idx" ON "org_service_link" USING btree ("provider_org_id","customer_org_id") WHERE "org_service_link"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "service_link_customer_idx" ON "org_service_link" USING btree ("customer_org_id");