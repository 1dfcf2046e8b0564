CREATE TABLE "declaration" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"star" integer NOT NULL,
	"status" text NOT NULL,
	"pledges" integer[],
	"org_name" text NOT NULL,
	"prefecture" text NOT NULL,
	"industry" text NOT NULL,
	"corporate_number" text,
	"diagnosis_id" text,
	"policy_url" text,
	"declared_by" text,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"superseded_by" text
);
--> statement-breakpoint
CREATE TABLE "supplier" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"label" text NOT NULL,
	"declaration_id" text,
	"corporate_number" text,
	"supplier_org_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supplier_consent" (
	"org_id" text NOT NULL,
	"buyer_org_id" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supplier_consent_org_id_buyer_org_id_pk" PRIMARY KEY("org_id","buyer_org_id")
);
--> statement-breakpoint
CREATE TABLE "policy_document" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"template" text NOT NULL,
	"slug" text NOT NULL,
	"published_version_id" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_document_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "policy_version" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"document_id" text NOT NULL,
	"version" integer NOT NULL,
	"template_version" text NOT NULL,
	"fields" jsonb NOT NULL,
	"sections" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "declaration" ADD CONSTRAINT "declaration_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier" ADD CONSTRAINT "supplier_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_consent" ADD CONSTRAINT "supplier_consent_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_consent" ADD CONSTRAINT "supplier_consent_buyer_org_id_organization_id_fk" FOREIGN KEY ("buyer_org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_document" ADD CONSTRAINT "policy_document_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_version" ADD CONSTRAINT "policy_version_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_version" ADD CONSTRAINT "policy_version_document_id_policy_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."policy_document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "declaration_one_active_idx" ON "declaration" USING btree ("org_id") WHERE "declaration"."status" = 'active';--> statement-breakpoint
CREATE INDEX "declaration_org_idx" ON "declaration" USING btree ("org_id","declared_at");--> statement-breakpoint
CREATE INDEX "declaration_registry_idx" ON "declaration" USING btree ("status","prefecture","star");--> statement-breakpoint
CREATE INDEX "supplier_org_idx" ON "supplier" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "supplier_target_idx" ON "supplier" USING btree ("supplier_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_document_org_template_idx" ON "policy_document" USING btree ("org_id","template");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_version_doc_version_idx" ON "policy_version" USING btree ("document_id","version");--> statement-breakpoint
CREATE INDEX "policy_version_org_idx" ON "policy_version" USING btree ("org_id","document_id");