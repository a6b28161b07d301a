CREATE TABLE "form_import_previews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"form_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"on_behalf_of_unit_id" uuid,
	"file_name" text NOT NULL,
	"kind" text NOT NULL,
	"form_version" integer NOT NULL,
	"header" jsonb NOT NULL,
	"rows" jsonb NOT NULL,
	"problems" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "form_import_previews" ADD CONSTRAINT "form_import_previews_form_id_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."forms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_import_previews" ADD CONSTRAINT "form_import_previews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_import_previews" ADD CONSTRAINT "form_import_previews_on_behalf_of_unit_id_units_id_fk" FOREIGN KEY ("on_behalf_of_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "form_import_previews_form_idx" ON "form_import_previews" USING btree ("form_id");--> statement-breakpoint
CREATE INDEX "form_import_previews_expires_idx" ON "form_import_previews" USING btree ("expires_at");