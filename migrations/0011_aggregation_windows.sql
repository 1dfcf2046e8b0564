CREATE TABLE "monitoring_window" (
	"key" text PRIMARY KEY NOT NULL,
	"stamps" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
