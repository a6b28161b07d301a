CREATE TABLE "reference_records" (
	"version_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"key" text NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "reference_records_version_id_seq_pk" PRIMARY KEY("version_id","seq")
);
--> statement-breakpoint
CREATE TABLE "reference_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"source_document" text,
	"effective_date" date,
	"imported_by" uuid,
	"imported_at" timestamp with time zone NOT NULL,
	"activated_at" timestamp with time zone,
	"record_count" integer NOT NULL,
	"content_hash" text NOT NULL,
	"status" text NOT NULL,
	"import_report" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reference_records" ADD CONSTRAINT "reference_records_version_id_reference_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."reference_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_versions" ADD CONSTRAINT "reference_versions_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reference_records_key_uq" ON "reference_records" USING btree ("version_id","type","key");--> statement-breakpoint
CREATE UNIQUE INDEX "reference_versions_one_active_uq" ON "reference_versions" USING btree ("kind") WHERE "reference_versions"."status" = 'active';--> statement-breakpoint
CREATE INDEX "reference_versions_kind_idx" ON "reference_versions" USING btree ("kind","imported_at");