CREATE TABLE "library_digest" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"user_id" text NOT NULL,
	"week" text NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"sections" jsonb NOT NULL,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "library_item" (
	"kind" text NOT NULL,
	"id" text NOT NULL,
	"data" jsonb,
	"hidden" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "library_item_kind_id_pk" PRIMARY KEY("kind","id")
);
--> statement-breakpoint
CREATE TABLE "library_subscription" (
	"user_id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"subscribed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"unsubscribed_at" timestamp with time zone,
	"last_digest_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "library_watched" (
	"org_id" text NOT NULL,
	"user_id" text NOT NULL,
	"video_id" text NOT NULL,
	"watched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "library_watched_org_id_user_id_video_id_pk" PRIMARY KEY("org_id","user_id","video_id")
);
--> statement-breakpoint
ALTER TABLE "library_digest" ADD CONSTRAINT "library_digest_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_subscription" ADD CONSTRAINT "library_subscription_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_watched" ADD CONSTRAINT "library_watched_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "library_digest_user_week_idx" ON "library_digest" USING btree ("user_id","week");--> statement-breakpoint
CREATE INDEX "library_digest_org_idx" ON "library_digest" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "library_subscription_org_idx" ON "library_subscription" USING btree ("org_id","active");