-- Finalization (定稿): a version is frozen before its sealed scan; only its submission and its voiding are recorded later, once each.
CREATE OR REPLACE FUNCTION form_versions_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'form_versions are immutable';
  END IF;
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.form_id IS DISTINCT FROM OLD.form_id OR NEW.number IS DISTINCT FROM OLD.number
     OR NEW.header IS DISTINCT FROM OLD.header OR NEW.rows IS DISTINCT FROM OLD.rows OR NEW.content_hash IS DISTINCT FROM OLD.content_hash
     OR NEW.finalized_by IS DISTINCT FROM OLD.finalized_by
     OR (OLD.finalized_at IS NOT NULL AND NEW.finalized_at IS DISTINCT FROM OLD.finalized_at)
     OR (OLD.voided_at IS NOT NULL AND NEW.voided_at IS DISTINCT FROM OLD.voided_at)
     OR (OLD.submitted_at IS NOT NULL AND (NEW.submitted_at IS DISTINCT FROM OLD.submitted_at OR NEW.submitted_by IS DISTINCT FROM OLD.submitted_by
         OR NEW.scan_file_id IS DISTINCT FROM OLD.scan_file_id OR NEW.scan_match IS DISTINCT FROM OLD.scan_match)) THEN
    RAISE EXCEPTION 'form_versions are immutable';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
ALTER TABLE "form_versions" ALTER COLUMN "scan_file_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "form_versions" ALTER COLUMN "submitted_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "form_versions" ADD COLUMN "finalized_by" uuid;--> statement-breakpoint
ALTER TABLE "form_versions" ADD COLUMN "finalized_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "form_versions" ADD COLUMN "voided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "form_versions" ADD COLUMN "scan_match" text;--> statement-breakpoint
ALTER TABLE "forms" ADD COLUMN "finalized_version_no" integer;--> statement-breakpoint
ALTER TABLE "forms" ADD COLUMN "scan_match" text;--> statement-breakpoint
ALTER TABLE "forms" ADD COLUMN "pending_scan_file_id" uuid;--> statement-breakpoint
ALTER TABLE "form_versions" ADD CONSTRAINT "form_versions_finalized_by_users_id_fk" FOREIGN KEY ("finalized_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forms" ADD CONSTRAINT "forms_pending_scan_file_id_stored_files_id_fk" FOREIGN KEY ("pending_scan_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
UPDATE "forms" SET "finalized_version_no" = "last_version_number" WHERE "status" IN ('submitted', 'accepted') AND "last_version_number" > 0;--> statement-breakpoint
UPDATE "form_versions" SET "finalized_at" = "submitted_at";--> statement-breakpoint
ALTER TABLE "form_versions" ALTER COLUMN "finalized_at" SET NOT NULL;
