-- A per-workspace version of the automation rules: app instances cache the parsed rules and
-- re-read them only when it changed. A trigger bumps it in the same transaction as every change
-- that can alter what a run does (create, delete, and any edit but the run bookkeeping), whoever
-- writes the rows.
ALTER TABLE "Workspace" ADD COLUMN "automationRulesVersion" INTEGER NOT NULL DEFAULT 0;

CREATE FUNCTION bump_automation_rules_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."name", OLD."event", OLD."isActive", OLD."priority", OLD."stopOnMatch", OLD."conditions", OLD."actions", OLD."createdAt")
      IS NOT DISTINCT FROM (NEW."name", NEW."event", NEW."isActive", NEW."priority", NEW."stopOnMatch", NEW."conditions", NEW."actions", NEW."createdAt") THEN
    RETURN NULL;
  END IF;
  UPDATE "Workspace" SET "automationRulesVersion" = "automationRulesVersion" + 1
  WHERE "id" = CASE WHEN TG_OP = 'DELETE' THEN OLD."workspaceId" ELSE NEW."workspaceId" END;
  RETURN NULL;
END $$;

CREATE TRIGGER automation_rules_version AFTER INSERT OR UPDATE OR DELETE ON "AutomationRule"
  FOR EACH ROW EXECUTE FUNCTION bump_automation_rules_version();
