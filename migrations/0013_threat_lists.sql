CREATE TABLE "monitoring_threat_indicator" (
	"list" text NOT NULL,
	"type" text NOT NULL,
	"value" text NOT NULL,
	"description" text,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_threat_indicator_list_type_value_pk" PRIMARY KEY("list","type","value")
);
