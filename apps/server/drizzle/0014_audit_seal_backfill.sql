-- The audit sealer (use-cases/audit/seal-audit.ts). Rows chained before it existed keep their hashes: each becomes its
-- own seal, in id order, with seq = id, so that the signed checkpoints written before (which name ids) still match.
INSERT INTO audit_seals (seq, audit_id, prev_hash, hash) SELECT id, id, prev_hash, hash FROM audit_log ORDER BY id;
--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('audit_seals', 'seq'), coalesce((SELECT max(seq) FROM audit_seals), 0) + 1, false);
--> statement-breakpoint
-- The sealing order is the writing transaction's id: stamped here, whatever the INSERT says (a forged or restored id
-- could otherwise hide a row from the sealer or stall it).
CREATE OR REPLACE FUNCTION audit_log_stamp_xid() RETURNS trigger AS $$
BEGIN
  NEW.xid := pg_current_xact_id();
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_stamp_xid BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_stamp_xid();
--> statement-breakpoint
-- The chain is append-only like the log itself.
CREATE TRIGGER audit_seals_no_update_delete BEFORE UPDATE OR DELETE ON audit_seals FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_seals_no_truncate BEFORE TRUNCATE ON audit_seals FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
