using C2C.Analytics.DuckDb;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Pipeline.Report;

/// <summary>
/// The <c>Report</c> settings as <c>cfg_*</c> tables for the marts: <c>cfg_report</c> (reporting currency and the
/// windows), <c>cfg_cash_stage</c> (cash event → stage key) and <c>cfg_fx_rate</c> (the dated rates).
/// </summary>
public static class ReportConfigTables
{
    public const string Ddl = """
        CREATE OR REPLACE TABLE cfg_report (
            reporting_currency VARCHAR NOT NULL, reminder_window_bd INTEGER NOT NULL, recent_completion_days INTEGER NOT NULL,
            cash_period_days INTEGER NOT NULL);
        CREATE OR REPLACE TABLE cfg_cash_stage (cash_event VARCHAR NOT NULL, stage_key VARCHAR NOT NULL);
        CREATE OR REPLACE TABLE cfg_fx_rate (rate_date DATE NOT NULL, currency VARCHAR NOT NULL, rate DECIMAL(18,8) NOT NULL);
        """;

    public static void Write(DuckDbConnection connection, ReportOptions options, IReadOnlyList<ResolvedStage> stages, IReadOnlyList<FxRate> rates)
    {
        EtlTables.Execute(connection, Ddl);
        EtlTables.Execute(connection, "INSERT INTO cfg_report VALUES ($currency, $window, $recent, $period)",
            ("currency", options.ReportingCurrency), ("window", options.ReminderWindowBusinessDays),
            ("recent", options.RecentCompletionDays), ("period", options.CashPeriodDays));
        foreach (var (cashEvent, stageKey) in options.CashStages.Resolve(stages))
        {
            EtlTables.Execute(connection, "INSERT INTO cfg_cash_stage VALUES ($event, $key)", ("event", cashEvent), ("key", stageKey));
        }

        using var appender = connection.CreateAppender("cfg_fx_rate");
        foreach (var rate in rates)
        {
            appender.CreateRow().AppendValue(rate.Date).AppendValue(rate.Currency).AppendValue(rate.Rate).EndRow();
        }
    }
}
