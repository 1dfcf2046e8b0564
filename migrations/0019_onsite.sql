CREATE TABLE "onsite_claim" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"provider_org_id" text NOT NULL,
	"incident_id" text NOT NULL,
	"dispatch_id" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"insurer" text NOT NULL,
	"policy_number" text NOT NULL,
	"loss_date" date NOT NULL,
	"covered_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"other_costs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text,
	"approved_amount_yen" integer,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "onsite_claim_attachment" (
	"id" text PRIMARY KEY NOT NULL,
	"claim_id" text NOT NULL,
	"org_id" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "onsite_claim_step" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"claim_id" text NOT NULL,
	"org_id" text NOT NULL,
	"kind" text NOT NULL,
	"actor_user_id" text,
	"actor_name" text,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "onsite_dispatch" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"provider_org_id" text NOT NULL,
	"incident_id" text,
	"status" text DEFAULT 'requested' NOT NULL,
	"reason" text NOT NULL,
	"site_address" text,
	"contact_name" text,
	"contact_phone" text,
	"preferred_at" timestamp with time zone,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"engineer_name" text,
	"scheduled_at" timestamp with time zone,
	"arrived_at" timestamp with time zone,
	"work_summary" text,
	"work_minutes" integer,
	"costs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"work_done_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "onsite_dispatch_step" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dispatch_id" text NOT NULL,
	"org_id" text NOT NULL,
	"kind" text NOT NULL,
	"actor_user_id" text,
	"actor_name" text,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "onsite_claim" ADD CONSTRAINT "onsite_claim_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onsite_claim_attachment" ADD CONSTRAINT "onsite_claim_attachment_claim_id_onsite_claim_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."onsite_claim"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onsite_claim_step" ADD CONSTRAINT "onsite_claim_step_claim_id_onsite_claim_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."onsite_claim"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onsite_dispatch" ADD CONSTRAINT "onsite_dispatch_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onsite_dispatch_step" ADD CONSTRAINT "onsite_dispatch_step_dispatch_id_onsite_dispatch_id_fk" FOREIGN KEY ("dispatch_id") REFERENCES "public"."onsite_dispatch"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "onsite_claim_org_idx" ON "onsite_claim" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "onsite_claim_provider_idx" ON "onsite_claim" USING btree ("provider_org_id","status");--> statement-breakpoint
CREATE INDEX "onsite_claim_attachment_idx" ON "onsite_claim_attachment" USING btree ("org_id","claim_id");--> statement-breakpoint
CREATE INDEX "onsite_claim_step_idx" ON "onsite_claim_step" USING btree ("org_id","claim_id","at");--> statement-breakpoint
CREATE INDEX "onsite_dispatch_org_idx" ON "onsite_dispatch" USING btree ("org_id","requested_at");--> statement-breakpoint
CREATE INDEX "onsite_dispatch_provider_idx" ON "onsite_dispatch" USING btree ("provider_org_id","status");--> statement-breakpoint
CREATE INDEX "onsite_dispatch_step_idx" ON "onsite_dispatch_step" USING btree ("org_id","dispatch_id","at");