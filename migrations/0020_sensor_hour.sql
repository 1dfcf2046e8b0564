CREATE TABLE "monitoring_sensor_hour" (
	"sensor_id" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"org_id" text NOT NULL,
	"events" integer DEFAULT 0 NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "monitoring_sensor_hour_sensor_id_hour_pk" PRIMARY KEY("sensor_id","hour")
);
