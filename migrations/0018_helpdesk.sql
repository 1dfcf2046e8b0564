CREATE TABLE "helpdesk_advisory" (
	"id" text PRIMARY KEY NOT NULL,
	"provider_org_id" text,
	"title" text NOT NULL,
	"severity" text NOT NULL,
	"affected" text NOT NULL,
	"actions" text NOT NULL,
	"created_by" text,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "helpdesk_advisory_forward" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"advisory_id" text NOT NULL,
	"forwarded_by" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "helpdesk_advisory_forward_recipient" (
	"forward_id" text NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "helpdesk_advisory_forward_recipient_forward_id_user_id_pk" PRIMARY KEY("forward_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "helpdesk_consultation" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"provider_org_id" text,
	"opened_by" text NOT NULL,
	"category" text NOT NULL,
	"priority" text NOT NULL,
	"subject" text NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"pauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"first_response_due_at" timestamp with time zone,
	"resolution_due_at" timestamp with time zone,
	"first_response_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"last_message_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "helpdesk_attachment" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"consultation_id" text NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" text,
	"side" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "helpdesk_escalation" (
	"consultation_id" text NOT NULL,
	"clock" text NOT NULL,
	"level" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "helpdesk_escalation_consultation_id_clock_level_pk" PRIMARY KEY("consultation_id","clock","level")
);
--> statement-breakpoint
CREATE TABLE "helpdesk_message" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"consultation_id" text NOT NULL,
	"author_id" text,
	"author_name" text NOT NULL,
	"side" text NOT NULL,
	"body" text NOT NULL,
	"status" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "helpdesk_advisory" ADD CONSTRAINT "helpdesk_advisory_provider_org_id_organization_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_advisory" ADD CONSTRAINT "helpdesk_advisory_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_advisory_forward" ADD CONSTRAINT "helpdesk_advisory_forward_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_advisory_forward" ADD CONSTRAINT "helpdesk_advisory_forward_advisory_id_helpdesk_advisory_id_fk" FOREIGN KEY ("advisory_id") REFERENCES "public"."helpdesk_advisory"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_advisory_forward" ADD CONSTRAINT "helpdesk_advisory_forward_forwarded_by_user_id_fk" FOREIGN KEY ("forwarded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_advisory_forward_recipient" ADD CONSTRAINT "helpdesk_advisory_forward_recipient_forward_id_helpdesk_advisory_forward_id_fk" FOREIGN KEY ("forward_id") REFERENCES "public"."helpdesk_advisory_forward"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_advisory_forward_recipient" ADD CONSTRAINT "helpdesk_advisory_forward_recipient_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_consultation" ADD CONSTRAINT "helpdesk_consultation_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_consultation" ADD CONSTRAINT "helpdesk_consultation_provider_org_id_organization_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organization"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_consultation" ADD CONSTRAINT "helpdesk_consultation_opened_by_user_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_attachment" ADD CONSTRAINT "helpdesk_attachment_consultation_id_helpdesk_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."helpdesk_consultation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_attachment" ADD CONSTRAINT "helpdesk_attachment_uploaded_by_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_escalation" ADD CONSTRAINT "helpdesk_escalation_consultation_id_helpdesk_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."helpdesk_consultation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_message" ADD CONSTRAINT "helpdesk_message_consultation_id_helpdesk_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."helpdesk_consultation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_message" ADD CONSTRAINT "helpdesk_message_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advisory_provider_idx" ON "helpdesk_advisory" USING btree ("provider_org_id","published_at");--> statement-breakpoint
CREATE INDEX "forward_org_idx" ON "helpdesk_advisory_forward" USING btree ("org_id","advisory_id");--> statement-breakpoint
CREATE INDEX "consultation_org_idx" ON "helpdesk_consultation" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "consultation_provider_idx" ON "helpdesk_consultation" USING btree ("provider_org_id","status");--> statement-breakpoint
CREATE INDEX "consultation_status_idx" ON "helpdesk_consultation" USING btree ("status");--> statement-breakpoint
CREATE INDEX "attachment_consultation_idx" ON "helpdesk_attachment" USING btree ("org_id","consultation_id");--> statement-breakpoint
CREATE INDEX "message_consultation_idx" ON "helpdesk_message" USING btree ("org_id","consultation_id","created_at");