CREATE TABLE "diagnosis" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"created_by" text,
	"bank_version" text NOT NULL,
	"answers" jsonb NOT NULL,
	"total" integer NOT NULL,
	"band" text NOT NULL,
	"parts" jsonb NOT NULL,
	"industry" text NOT NULL,
	"employees" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diagnosis_group_stats" (
	"industry" text NOT NULL,
	"employees" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"sum_total" integer DEFAULT 0 NOT NULL,
	"hist" integer[] NOT NULL,
	CONSTRAINT "diagnosis_group_stats_industry_employees_pk" PRIMARY KEY("industry","employees")
);
--> statement-breakpoint
CREATE TABLE "diagnosis_latest" (
	"org_id" text PRIMARY KEY NOT NULL,
	"diagnosis_id" text NOT NULL,
	"industry" text NOT NULL,
	"employees" text NOT NULL,
	"total" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "improvement_task" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"item_no" integer NOT NULL,
	"title" text NOT NULL,
	"note" text,
	"assignee_user_id" text,
	"due_date" date,
	"review_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	"review_reminded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "diagnosis" ADD CONSTRAINT "diagnosis_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnosis_latest" ADD CONSTRAINT "diagnosis_latest_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_task" ADD CONSTRAINT "improvement_task_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "diagnosis_org_created_idx" ON "diagnosis" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "task_org_status_idx" ON "improvement_task" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "task_review_idx" ON "improvement_task" USING btree ("review_date");