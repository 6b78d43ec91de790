using C2C.Analytics.DuckDb;
using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Pipeline.Run;

/// <summary>
/// Puts the run's parameters and the tracker mapping into small <c>cfg_*</c> tables, so that the SQL models read the
/// configuration the same way they read data (no SQL is generated from configuration text).
/// </summary>
public static class ConfigTables
{
    public static void Write(DuckDbConnection connection, string runId, DateOnly asOf, TrackerOptions options, IReadOnlyList<ResolvedStage> stages)
    {
        EtlTables.Execute(connection, """
            CREATE OR REPLACE TABLE cfg_run (run_id VARCHAR NOT NULL, as_of DATE NOT NULL);
            CREATE OR REPLACE TABLE cfg_stage (
                stage_key VARCHAR NOT NULL, stage_name VARCHAR NOT NULL, stage_order INTEGER NOT NULL, owner_role VARCHAR NOT NULL,
                sla_bd INTEGER NOT NULL, reminder_cadence_bd INTEGER NOT NULL, prerequisites VARCHAR[] NOT NULL,
                evidence_attachment_like VARCHAR);
            CREATE OR REPLACE TABLE cfg_tracker_column (title VARCHAR NOT NULL, field VARCHAR NOT NULL, stage_key VARCHAR, owner_role VARCHAR);
            CREATE OR REPLACE TABLE cfg_status_text (status_text VARCHAR NOT NULL, status VARCHAR NOT NULL);
            CREATE OR REPLACE TABLE cfg_aging_bucket (bucket_order INTEGER NOT NULL, aging_bucket VARCHAR NOT NULL, min_bd INTEGER NOT NULL, max_bd INTEGER);
            CREATE OR REPLACE TABLE cfg_metric (due_soon_bd INTEGER NOT NULL, stuck_sla_multiple DECIMAL(9,2) NOT NULL);
            """);
        EtlTables.Execute(connection, "INSERT INTO cfg_metric VALUES ($due_soon, $stuck)",
            ("due_soon", options.Metrics.DueSoonBusinessDays), ("stuck", options.Metrics.StuckSlaMultiple));
        foreach (var (order, label, min, max) in options.Metrics.AgingBuckets())
        {
            EtlTables.Execute(connection, "INSERT INTO cfg_aging_bucket VALUES ($order, $label, $min, $max)",
                ("order", order), ("label", label), ("min", min), ("max", max));
        }

        EtlTables.Execute(connection, "INSERT INTO cfg_run VALUES ($run_id, $as_of)", ("run_id", runId), ("as_of", asOf));

        foreach (var stage in stages)
        {
            var definition = stage.Definition;
            // The prerequisite list goes in as a JSON array of keys, parsed by DuckDB: keys are validated identifiers.
            EtlTables.Execute(connection, """
                INSERT INTO cfg_stage VALUES ($key, $name, $order, $role, $sla, $cadence, CAST(json($prerequisites) AS VARCHAR[]), $attachment_like)
                """,
                ("key", definition.Key), ("name", definition.Name), ("order", stage.Order), ("role", definition.OwnerRole),
                ("sla", definition.SlaBusinessDays), ("cadence", definition.ReminderCadenceBusinessDays),
                ("prerequisites", System.Text.Json.JsonSerializer.Serialize(stage.Prerequisites)),
                ("attachment_like", AttachmentPattern.ToLike(definition.EvidenceAttachment)));
        }

        using (var appender = connection.CreateAppender("cfg_tracker_column"))
        {
            void Column(string title, string field, string? stageKey = null, string? ownerRole = null) =>
                appender.CreateRow().AppendValue(title.Trim()).AppendValue(field).AppendValue(stageKey).AppendValue(ownerRole).EndRow();

            var columns = options.Columns;
            Column(columns.OpportunityId, "opportunity_id");
            Column(columns.EngagementName, "engagement_name");
            Column(columns.Account, "account");
            Column(columns.Region, "region");
            Column(columns.ContractValue, "contract_value");
            Column(columns.Currency, "currency");
            Column(columns.IntakeDate, "intake_date");
            Column(columns.PaymentTerms, "payment_terms");
            foreach (var (role, title) in columns.Owners)
            {
                Column(title, "owner", ownerRole: role);
            }

            foreach (var stage in stages.Select(s => s.Definition))
            {
                Column(stage.StatusColumnTitle, "stage_status", stage.Key);
                Column(stage.DateColumnTitle, "stage_date", stage.Key);
                Column(stage.EvidenceColumnTitle, "stage_evidence", stage.Key);
                Column(stage.NotesColumnTitle, "stage_notes", stage.Key);
            }
        }

        using (var appender = connection.CreateAppender("cfg_status_text"))
        {
            foreach (var (text, status) in options.EffectiveStatusTexts)
            {
                appender.CreateRow().AppendValue(text.Trim().ToLowerInvariant()).AppendValue(status).EndRow();
            }
        }
    }
}
