CREATE TABLE "certificate" (
	"code" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"user_id" text NOT NULL,
	"course" text NOT NULL,
	"name" text NOT NULL,
	"org_name" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_attempt" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"user_id" text NOT NULL,
	"theme_id" text NOT NULL,
	"answers" jsonb NOT NULL,
	"wrong" text[] NOT NULL,
	"correct" integer NOT NULL,
	"total" integer NOT NULL,
	"passed" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_completion" (
	"org_id" text NOT NULL,
	"user_id" text NOT NULL,
	"theme_id" text NOT NULL,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_completion_org_id_user_id_theme_id_pk" PRIMARY KEY("org_id","user_id","theme_id")
);
--> statement-breakpoint
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_attempt" ADD CONSTRAINT "learning_attempt_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_completion" ADD CONSTRAINT "learning_completion_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certificate_org_user_idx" ON "certificate" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE INDEX "attempt_org_user_idx" ON "learning_attempt" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE INDEX "attempt_theme_idx" ON "learning_attempt" USING btree ("theme_id");