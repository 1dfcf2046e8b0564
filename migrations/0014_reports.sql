CREATE TABLE "reports_monthly" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"month" text NOT NULL,
	"final" boolean DEFAULT false NOT NULL,
	"period_from" timestamp with time zone NOT NULL,
	"period_to" timestamp with time zone NOT NULL,
	"figures" jsonb NOT NULL,
	"diagnosis" jsonb,
	"generated_by" text,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports_delivery" (
	"report_id" text NOT NULL,
	"org_id" text NOT NULL,
	"user_id" text NOT NULL,
	"email" text NOT NULL,
	"lang" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_delivery_report_id_user_id_pk" PRIMARY KEY("report_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "reports_monthly" ADD CONSTRAINT "reports_monthly_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports_delivery" ADD CONSTRAINT "reports_delivery_report_id_reports_monthly_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports_monthly"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reports_monthly_org_month_idx" ON "reports_monthly" USING btree ("org_id","month");