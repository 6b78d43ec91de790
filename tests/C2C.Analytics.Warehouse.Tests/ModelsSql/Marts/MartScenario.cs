using System.Globalization;
using C2C.Analytics.Calendar;
using C2C.Analytics.DuckDb;
using C2C.Analytics.Warehouse.Calendar;
using C2C.Analytics.Warehouse.Models;
using C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql.Marts;

/// <summary>
/// Hand-built core tables (fct_engagement_stage, dim_engagement, dim_owner, int_engagement_stages, fct_opportunity,
/// fct_opportunity_stage_history) and
/// the cfg_* tables the pipeline writes, then the real mart models and the intermediate models they read (dim_stage,
/// int_fx_rate, int_engagement_value, int_engagement_cash, int_opportunity_value, int_opportunity_stage_stays,
/// marts/*) in a fresh in-memory DuckDB,
/// on the real calendar (US federal holidays, weekends off). Stages: sow_executed (Sales, SLA 10) → milestone_accepted
/// (Delivery, 30) → invoice_sent (Finance, 3) → payment_received (Finance, 30); the cash stages are the defaults.
/// Reporting currency USD; reminder window 2 business days; recent completions 30 days; cash period 90 days.
/// </summary>
internal sealed class MartScenario
{
    private static readonly Lazy<ModelCatalog> Catalog = new(() =>
    {
        var all = ModelCatalog.Load(RepositoryPaths.Models);
        string[] intermediate = ["dim_stage", "int_fx_rate", "int_engagement_value", "int_engagement_cash", "int_opportunity_value", "int_opportunity_stage_stays"];
        return ModelCatalog.FromModels(all.Models.Where(m => m.Layer == "marts" || intermediate.Contains(m.Name)));
    });

    private static readonly Dictionary<string, (int Order, string Role)> Stages = new()
    {
        ["sow_executed"] = (1, "Sales"),
        ["milestone_accepted"] = (2, "Delivery"),
        ["invoice_sent"] = (3, "Finance"),
        ["payment_received"] = (4, "Finance"),
    };

    private readonly List<(string Sql, (string, object?)[] Parameters)> _inserts = [];

    public MartScenario(DateOnly asOf) => AsOf = asOf;

    public DateOnly AsOf { get; }

    /// <summary>Owner ids used for a stage's role unless a fact names another (null: nobody holds the role).</summary>
    public Dictionary<string, string?> RoleOwners { get; } = new() { ["Sales"] = "o-sam", ["Delivery"] = "o-dee", ["Finance"] = "o-fin" };

    public MartScenario Owner(string id, string name, string email, string role, string team) =>
        Add("INSERT INTO dim_owner VALUES ($id, $name, $email, $role, $team)", ("id", id), ("name", name), ("email", email), ("role", role), ("team", team));

    /// <summary>A dim_engagement version; a current one is loaded this run unless <paramref name="isLoaded"/> says not (a retained version).</summary>
    public MartScenario Engagement(string dealId, decimal? value, string? currency, int? termsDays = 30, bool isCurrent = true, bool? isLoaded = null) =>
        Add("INSERT INTO dim_engagement VALUES ($deal, $name, $account, $value, $currency, $terms, $current, $loaded)",
            ("deal", dealId), ("name", "Engagement " + dealId), ("account", "Account " + dealId), ("value", value), ("currency", currency),
            ("terms", termsDays), ("current", isCurrent), ("loaded", isLoaded ?? isCurrent));

    public MartScenario Note(string dealId, string stageKey, string notes) =>
        Add("INSERT INTO int_engagement_stages VALUES ($deal, $stage, $notes)", ("deal", dealId), ("stage", stageKey), ("notes", notes));

    public MartScenario Rate(string date, string currency, decimal rate) =>
        Add("INSERT INTO cfg_fx_rate VALUES ($date::DATE, $currency, $rate)", ("date", date), ("currency", currency), ("rate", rate));

    /// <summary>One fct_engagement_stage row; owner "role" means the stage's role owner (<see cref="RoleOwners"/>).</summary>
    public MartScenario Fact(string dealId, string stageKey, string status, string? completed = null, string? sla = null, int? cycle = null,
        int? age = null, int? overdue = null, string? bucket = null, string? reminder = null, bool stuck = false, bool gate = false,
        bool evidence = true, bool skipped = false, string? owner = "role")
    {
        var (order, role) = Stages[stageKey];
        return Add("""
            INSERT INTO fct_engagement_stage VALUES ($deal, $stage, $order, $owner, $role, $as_of, $status, $completed::DATE, $cycle, $age, $sla,
                $overdue, $bucket, $reminder::DATE, $skipped, $gate, $stuck, $evidence, NULL, NULL)
            """,
            ("deal", dealId), ("stage", stageKey), ("order", order), ("owner", owner == "role" ? RoleOwners[role] : owner), ("role", role),
            ("as_of", AsOf), ("status", status), ("completed", completed), ("cycle", cycle), ("age", age), ("sla", sla), ("overdue", overdue),
            ("bucket", bucket), ("reminder", reminder), ("skipped", skipped), ("gate", gate), ("stuck", stuck), ("evidence", evidence));
    }

    public MartScenario Opportunity(string id, decimal amount, string currency, string closeDate, int probability, bool closed = false,
        bool won = false, string created = "2025-01-01", bool deleted = false) =>
        Add("INSERT INTO fct_opportunity VALUES ($id, $name, $stage, $amount, $currency, $close::DATE, $probability, $closed, $won, $created::TIMESTAMP, $deleted, NULL, NULL, 'Account ' || $id)",
            ("id", id), ("name", "Opportunity " + id), ("stage", closed ? (won ? "Closed Won" : "Closed Lost") : "Negotiation/Review"),
            ("amount", amount), ("currency", currency), ("close", closeDate), ("probability", probability), ("closed", closed), ("won", won),
            ("created", created), ("deleted", deleted));

    /// <summary>One stage change of fct_opportunity_stage_history: a stay in <paramref name="stage"/>, ended when <paramref name="exited"/> is set.</summary>
    public MartScenario StageStay(string opportunityId, string stage, int probability, string? nextStage, string? exited, int? days, bool deleted = false) =>
        Add("INSERT INTO fct_opportunity_stage_history VALUES ($id, $stage, $probability, true, $next, $exited::TIMESTAMP, $days, $deleted, NULL)",
            ("id", opportunityId), ("stage", stage), ("probability", probability), ("next", nextStage), ("exited", exited), ("days", days),
            ("deleted", deleted));

    public DuckDbConnection Build()
    {
        var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        new DimDateBuilder(BusinessCalendar.FromOptions(new CalendarOptions()))
            .Build(connection, new DimDateRange(new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31)));
        foreach (var file in Directory.GetFiles(RepositoryPaths.Functions, "*.sql").Order(StringComparer.Ordinal))
        {
            connection.Run(File.ReadAllText(file));
        }

        connection.Run("""
            CREATE TABLE cfg_run (run_id VARCHAR NOT NULL, as_of DATE NOT NULL);
            CREATE TABLE cfg_stage (
                stage_key VARCHAR NOT NULL, stage_name VARCHAR NOT NULL, stage_order INTEGER NOT NULL, owner_role VARCHAR NOT NULL,
                sla_bd INTEGER NOT NULL, reminder_cadence_bd INTEGER NOT NULL, prerequisites VARCHAR[] NOT NULL);
            INSERT INTO cfg_stage VALUES
                ('sow_executed', 'SOW Executed', 1, 'Sales', 10, 5, []),
                ('milestone_accepted', 'Milestone Accepted', 2, 'Delivery', 30, 5, ['sow_executed']),
                ('invoice_sent', 'Invoice Sent', 3, 'Finance', 3, 5, ['milestone_accepted']),
                ('payment_received', 'Payment Received', 4, 'Finance', 30, 5, ['invoice_sent']);
            CREATE TABLE cfg_aging_bucket (bucket_order INTEGER NOT NULL, aging_bucket VARCHAR NOT NULL, min_bd INTEGER NOT NULL, max_bd INTEGER);
            INSERT INTO cfg_aging_bucket VALUES (1, '0-5', 0, 5), (2, '6-10', 6, 10), (3, '11-20', 11, 20), (4, '21+', 21, NULL);
            CREATE TABLE cfg_report (
                reporting_currency VARCHAR NOT NULL, reminder_window_bd INTEGER NOT NULL, recent_completion_days INTEGER NOT NULL,
                cash_period_days INTEGER NOT NULL);
            INSERT INTO cfg_report VALUES ('USD', 2, 30, 90);
            CREATE TABLE cfg_cash_stage (cash_event VARCHAR NOT NULL, stage_key VARCHAR NOT NULL);
            INSERT INTO cfg_cash_stage VALUES ('signature', 'sow_executed'), ('milestone', 'milestone_accepted'),
                ('invoice', 'invoice_sent'), ('payment', 'payment_received');
            CREATE TABLE cfg_fx_rate (rate_date DATE NOT NULL, currency VARCHAR NOT NULL, rate DECIMAL(18,8) NOT NULL);
            CREATE TABLE dim_owner (owner_id VARCHAR, owner_name VARCHAR, owner_email VARCHAR, owner_role VARCHAR, team VARCHAR);
            CREATE TABLE dim_engagement (deal_id VARCHAR, engagement_name VARCHAR, account VARCHAR, contract_value DECIMAL(18,2), currency VARCHAR,
                payment_terms_days INTEGER, is_current BOOLEAN, is_loaded BOOLEAN);
            CREATE TABLE int_engagement_stages (deal_id VARCHAR, stage_key VARCHAR, notes VARCHAR);
            CREATE TABLE fct_engagement_stage (
                deal_id VARCHAR, stage_key VARCHAR, stage_order INTEGER, owner_id VARCHAR, owner_role VARCHAR, as_of DATE, status VARCHAR,
                completed_on DATE, cycle_time_bd INTEGER, age_bd INTEGER, sla_status VARCHAR, overdue_bd INTEGER, aging_bucket VARCHAR,
                next_reminder_on DATE, skipped_at_intake BOOLEAN, gate_violation BOOLEAN, is_stuck BOOLEAN, evidence_present BOOLEAN,
                activated_on DATE, sla_due_on DATE);
            CREATE TABLE fct_opportunity (
                opportunity_id VARCHAR, opportunity_name VARCHAR, stage_name VARCHAR, amount DECIMAL(18,2), currency VARCHAR, close_date DATE,
                probability DECIMAL(5,2), is_closed BOOLEAN, is_won BOOLEAN, created_at TIMESTAMP, is_deleted BOOLEAN, owner_id VARCHAR,
                owner_email VARCHAR, account_name VARCHAR);
            CREATE TABLE fct_opportunity_stage_history (
                opportunity_id VARCHAR, stage_name VARCHAR, probability DECIMAL(5,2), is_stage_change BOOLEAN, next_stage_name VARCHAR,
                stage_exited_at TIMESTAMP, stage_duration_days BIGINT, is_deleted BOOLEAN, changed_at TIMESTAMP);
            """);
        connection.Run("INSERT INTO cfg_run VALUES ('test', $as_of)", ("as_of", AsOf));
        foreach (var (sql, parameters) in _inserts)
        {
            connection.Run(sql, parameters);
        }

        new ModelRunner(Catalog.Value).Run(connection);
        return connection;
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private MartScenario Add(string sql, params (string, object?)[] parameters)
    {
        _inserts.Add((sql, parameters));
        return this;
    }
}
