CREATE TABLE "guide_case" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"topic" text NOT NULL,
	"title" text NOT NULL,
	"incident_id" text,
	"status" text DEFAULT 'open' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"reports" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "guide_case_step" (
	"case_id" text NOT NULL,
	"org_id" text NOT NULL,
	"step_id" text NOT NULL,
	"done_by" text NOT NULL,
	"done_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guide_case_step_case_id_step_id_pk" PRIMARY KEY("case_id","step_id")
);
--> statement-breakpoint
ALTER TABLE "guide_case" ADD CONSTRAINT "guide_case_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_case_step" ADD CONSTRAINT "guide_case_step_case_id_guide_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."guide_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "guide_case_org_idx" ON "guide_case" USING btree ("org_id","status","created_at");--> statement-breakpoint
CREATE INDEX "guide_case_step_org_idx" ON "guide_case_step" USING btree ("org_id");