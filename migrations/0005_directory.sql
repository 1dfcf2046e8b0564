CREATE TABLE "directory_listing" (
	"org_id" text PRIMARY KEY NOT NULL,
	"categories" text[] NOT NULL,
	"prefectures" text[] NOT NULL,
	"industries" text[] NOT NULL,
	"description" text NOT NULL,
	"url" text,
	"published" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "presenter" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"status" text NOT NULL,
	"name" text NOT NULL,
	"kana" text NOT NULL,
	"prefectures" text[] NOT NULL,
	"qualifications" text[] NOT NULL,
	"qualification_other" text,
	"affiliation" text,
	"email" text NOT NULL,
	"pr" text NOT NULL,
	"review_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "presenter_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
CREATE TABLE "seminar_request" (
	"id" text PRIMARY KEY NOT NULL,
	"presenter_id" text NOT NULL,
	"requester_name" text NOT NULL,
	"requester_email" text NOT NULL,
	"requester_org" text NOT NULL,
	"prefecture" text NOT NULL,
	"preferred_dates" text NOT NULL,
	"audience" text NOT NULL,
	"message" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"reply" text,
	"replied_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "directory_listing" ADD CONSTRAINT "directory_listing_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seminar_request" ADD CONSTRAINT "seminar_request_presenter_id_presenter_id_fk" FOREIGN KEY ("presenter_id") REFERENCES "public"."presenter"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "presenter_status_idx" ON "presenter" USING btree ("status");--> statement-breakpoint
CREATE INDEX "seminar_presenter_idx" ON "seminar_request" USING btree ("presenter_id","created_at");