CREATE TABLE "subsidy_year" (
	"fiscal_year" integer PRIMARY KEY NOT NULL,
	"min_subsidy" integer NOT NULL,
	"max_subsidy" integer NOT NULL,
	"rate" integer[] NOT NULL,
	"small_business_rate" integer[] NOT NULL,
	"confirmed" text NOT NULL,
	"note_ja" text,
	"note_en" text,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
