CREATE TABLE "check_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"form_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"row_index" integer NOT NULL,
	"decision" text NOT NULL,
	"reason_code" text,
	"reason_text" text DEFAULT '' NOT NULL,
	"overrides" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "check_decisions" ADD CONSTRAINT "check_decisions_form_id_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."forms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_decisions" ADD CONSTRAINT "check_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "check_decisions_row_uq" ON "check_decisions" USING btree ("form_id","version_number","row_index");--> statement-breakpoint
CREATE INDEX "check_decisions_form_idx" ON "check_decisions" USING btree ("form_id");