DROP INDEX "objections_notice_idx";--> statement-breakpoint
ALTER TABLE "objections" ADD COLUMN "email_token_hash" text;--> statement-breakpoint
ALTER TABLE "objections" ADD COLUMN "email_confirmed_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "objections_email_token_uq" ON "objections" USING btree ("email_token_hash");--> statement-breakpoint
CREATE INDEX "objections_notice_idx" ON "objections" USING btree ("notice_id","created_at");