using System.Data.Common;
using System.Globalization;
using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Pipeline.Report.Data;

/// <summary>
/// Reads the marts for the dashboard and the owner task lists. Large marts are summarised or cut here, not in the page:
/// the queue to its most urgent rows, the trends to their last months or weeks.
/// </summary>
public static class MartReader
{
    /// <summary>Weeks of throughput and months of SLA compliance the dashboard charts.</summary>
    public const int ThroughputWeeks = 26;

    public const int TrendMonths = 12;

    /// <summary>True when the run that built the warehouse built the marts too.</summary>
    public static bool HasMarts(DuckDbConnection connection) =>
        Query(connection, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'mart_headline'", r => Long(r, 0))[0] > 0;

    public static DashboardData Read(DuckDbConnection connection, int queueRows)
    {
        if (!HasMarts(connection))
        {
            return DashboardData.Empty;
        }

        return new DashboardData(
            Query(connection, """
                SELECT as_of, reporting_currency, engagement_count, payment_backlog_reporting, payment_backlog_count,
                    payment_backlog_unconverted_count, overdue_stage_count, stuck_stage_count, open_stage_count, sla_compliance_this_month_pct,
                    sla_compliance_last_month_pct, contract_to_cash_days_median, cash_period_days, action_count, currency_exception_count
                FROM mart_headline
                """,
                r => new Headline(Date(r, 0)!.Value, Str(r, 1)!, Long(r, 2), Dec(r, 3)!.Value, Long(r, 4), Long(r, 5), Long(r, 6), Long(r, 7),
                    Long(r, 8), Dbl(r, 9), Dbl(r, 10), Dbl(r, 11), (int)Long(r, 12), Long(r, 13), Long(r, 14))).SingleOrDefault(),
            Query(connection, "SELECT stage_key, stage_name, engagement_count, contract_value_reporting, unconverted_count FROM mart_pipeline_by_stage ORDER BY stage_order",
                r => new PipelineStage(Str(r, 0)!, Str(r, 1)!, Long(r, 2), Dec(r, 3)!.Value, Long(r, 4))),
            Query(connection, """
                SELECT stage_key, stage_name, aging_bucket, aging_bucket_order, open_stage_count, overdue_stage_count, stuck_stage_count,
                    value_waiting_reporting
                FROM mart_stage_aging ORDER BY stage_order, aging_bucket_order
                """,
                r => new AgingCell(Str(r, 0)!, Str(r, 1)!, Str(r, 2)!, (int)Long(r, 3), Long(r, 4), Long(r, 5), Long(r, 6), Dec(r, 7)!.Value)),
            Query(connection, $"""
                SELECT completed_month, met_count, missed_count, sla_compliance_pct FROM mart_sla_compliance_by_month
                WHERE completed_month > (SELECT date_trunc('month', as_of) - INTERVAL {TrendMonths} MONTH FROM mart_headline)
                ORDER BY completed_month
                """,
                r => new SlaMonth(Date(r, 0)!.Value, Long(r, 1), Long(r, 2), Dbl(r, 3))),
            Query(connection, """
                SELECT stage_key, stage_name, sla_bd, measured_count, cycle_time_bd_avg, cycle_time_bd_median, cycle_time_bd_p90
                FROM mart_cycle_time_by_stage ORDER BY stage_order
                """,
                r => new CycleStage(Str(r, 0)!, Str(r, 1)!, (int)Long(r, 2), Long(r, 3), Dbl(r, 4), Dbl(r, 5), Dbl(r, 6))),
            Query(connection, """
                SELECT bottleneck_rank, stage_key, stage_name, owner_role, open_stage_count, overdue_stage_count, overdue_bd_total,
                    stuck_stage_count, value_waiting_reporting, unconverted_count
                FROM mart_bottleneck ORDER BY bottleneck_rank
                """,
                r => new Bottleneck(Long(r, 0), Str(r, 1)!, Str(r, 2)!, Str(r, 3)!, Long(r, 4), Long(r, 5), Long(r, 6), Long(r, 7), Dec(r, 8)!.Value, Long(r, 9))),
            Query(connection, $"""
                SELECT week_start, sum(completed_count)::BIGINT FROM mart_throughput
                WHERE week_start > (SELECT date_trunc('week', as_of) - INTERVAL {ThroughputWeeks} WEEK FROM mart_headline)
                GROUP BY week_start ORDER BY week_start
                """,
                r => new ThroughputWeek(Date(r, 0)!.Value, Long(r, 1))),
            Query(connection, "SELECT team, action, action_priority, action_count, overdue_bd_total, value_reporting FROM mart_actions_by_team ORDER BY team, action_priority",
                r => new TeamAction(Str(r, 0)!, Str(r, 1)!, (int)Long(r, 2), Long(r, 3), Long(r, 4), Dec(r, 5)!.Value)),
            ReadQueue(connection, queueRows),
            Query(connection, """
                SELECT unbilled_count, unbilled_backlog_reporting, unbilled_unconverted_count, payment_backlog_count, payment_backlog_reporting,
                    billings_count, billings_reporting, dso_days, paid_count, days_to_pay_avg, contract_to_cash_days_avg,
                    contract_to_cash_days_median, cash_period_days
                FROM mart_cash_position
                """,
                r => new CashPosition(Long(r, 0), Dec(r, 1)!.Value, Long(r, 2), Long(r, 3), Dec(r, 4)!.Value, Long(r, 5), Dec(r, 6)!.Value, Dbl(r, 7),
                    Long(r, 8), Dbl(r, 9), Dbl(r, 10), Dbl(r, 11), (int)Long(r, 12))).SingleOrDefault(),
            Query(connection, "SELECT ar_aging_bucket, invoice_count, amount_reporting, unconverted_count FROM mart_ar_aging ORDER BY ar_aging_bucket_order",
                r => new ArBucket(Str(r, 0)!, Long(r, 1), Dec(r, 2)!.Value, Long(r, 3))),
            Query(connection, $"""
                SELECT close_month, opportunity_count, pipeline_amount_reporting, weighted_pipeline_reporting, unconverted_count
                FROM mart_weighted_pipeline ORDER BY close_month
                """,
                r => new PipelineMonth(Date(r, 0)!.Value, Long(r, 1), Dec(r, 2)!.Value, Dec(r, 3)!.Value, Long(r, 4))),
            Query(connection, $"""
                SELECT close_month, won_count, lost_count, won_amount_reporting, lost_amount_reporting, win_rate_by_count_pct, win_rate_by_amount_pct
                FROM mart_win_rate
                WHERE close_month > (SELECT date_trunc('month', as_of) - INTERVAL {TrendMonths} MONTH FROM mart_headline)
                ORDER BY close_month
                """,
                r => new WinRateMonth(Date(r, 0)!.Value, Long(r, 1), Long(r, 2), Dec(r, 3)!.Value, Dec(r, 4)!.Value, Dbl(r, 5), Dbl(r, 6))),
            Query(connection, """
                SELECT record_type, currency, count(*), coalesce(sum(amount), 0)::DECIMAL(18,2) FROM mart_currency_exception
                GROUP BY ALL ORDER BY record_type, currency NULLS LAST
                """,
                r => new CurrencyExceptionTotal(Str(r, 0)!, Str(r, 1), Long(r, 2), Dec(r, 3)!.Value)));
    }

    /// <summary>The action queue in queue order: its first <paramref name="rows"/> rows, or all of it when null.</summary>
    public static IReadOnlyList<ActionRow> ReadQueue(DuckDbConnection connection, int? rows)
    {
        if (!HasMarts(connection))
        {
            return [];
        }

        var limit = rows is { } count ? string.Create(CultureInfo.InvariantCulture, $"LIMIT {count}") : "";
        return Query(connection, $"""
            SELECT queue_rank, deal_id, engagement_name, account, stage_name, owner_id, owner_name, owner_email, owner_role, team, action,
                action_priority, age_bd, overdue_bd, sla_due_on, next_reminder_on, completed_on, contract_value, currency,
                contract_value_reporting, notes
            FROM mart_action_queue
            ORDER BY queue_rank {limit}
            """,
            r => new ActionRow(Long(r, 0), Str(r, 1)!, Str(r, 2), Str(r, 3), Str(r, 4)!, Str(r, 5), Str(r, 6), Str(r, 7), Str(r, 8)!, Str(r, 9),
                Str(r, 10)!, (int)Long(r, 11), NLong(r, 12), NLong(r, 13), Date(r, 14), Date(r, 15), Date(r, 16), Dec(r, 17), Str(r, 18),
                Dec(r, 19), Str(r, 20)));
    }

    private static List<T> Query<T>(DuckDbConnection connection, string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(name, value);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture);

    private static long Long(DbDataReader r, int i) => r.IsDBNull(i) ? 0 : Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    private static long? NLong(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    private static decimal? Dec(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToDecimal(r.GetValue(i), CultureInfo.InvariantCulture);

    private static double? Dbl(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture);

    private static DateOnly? Date(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetValue(i) switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        var other => DateOnly.Parse(Convert.ToString(other, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
    };
}
