CREATE TABLE "owner_action" (
	"org_id" text NOT NULL,
	"action_no" integer NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"responsible_user_id" text,
	"note" text,
	"review_date" date,
	"reminded_for" date,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "owner_action_org_id_action_no_pk" PRIMARY KEY("org_id","action_no")
);
--> statement-breakpoint
CREATE TABLE "owner_contractor" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"entrusted" text NOT NULL,
	"confidentiality" text DEFAULT 'unknown' NOT NULL,
	"declared" text DEFAULT 'none' NOT NULL,
	"declaration_id" text,
	"corporate_number" text,
	"note" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "owner_action" ADD CONSTRAINT "owner_action_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_contractor" ADD CONSTRAINT "owner_contractor_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "owner_action_review_idx" ON "owner_action" USING btree ("review_date");--> statement-breakpoint
CREATE INDEX "owner_contractor_org_name_idx" ON "owner_contractor" USING btree ("org_id","name");