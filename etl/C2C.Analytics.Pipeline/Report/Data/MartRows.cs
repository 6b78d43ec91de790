namespace C2C.Analytics.Pipeline.Report.Data;

// The rows the dashboard reads from the marts, one record per mart (column meanings: warehouse/METRICS.md).

/// <summary><c>mart_headline</c>.</summary>
public sealed record Headline(
    DateOnly AsOf, string ReportingCurrency, long EngagementCount, decimal PaymentBacklog, long PaymentBacklogCount,
    long PaymentBacklogUnconverted, long OverdueStages, long StuckStages, long OpenStages, double? SlaThisMonthPct,
    double? SlaLastMonthPct, double? ContractToCashDaysMedian, int CashPeriodDays, long ActionCount, long CurrencyExceptionCount);

/// <summary><c>mart_pipeline_by_stage</c>.</summary>
public sealed record PipelineStage(string StageKey, string StageName, long EngagementCount, decimal Value, long Unconverted);

/// <summary><c>mart_stage_aging</c>.</summary>
public sealed record AgingCell(string StageKey, string StageName, string Bucket, int BucketOrder, long Open, long Overdue, long Stuck, decimal Value);

/// <summary><c>mart_sla_compliance_by_month</c>.</summary>
public sealed record SlaMonth(DateOnly Month, long Met, long Missed, double? Pct);

/// <summary><c>mart_cycle_time_by_stage</c>.</summary>
public sealed record CycleStage(string StageKey, string StageName, int SlaBd, long Measured, double? Average, double? Median, double? P90);

/// <summary><c>mart_bottleneck</c>.</summary>
public sealed record Bottleneck(long Rank, string StageKey, string StageName, string OwnerRole, long Open, long Overdue, long OverdueBd, long Stuck, decimal Value, long Unconverted);

/// <summary><c>mart_throughput</c>, summed over the stages of each week.</summary>
public sealed record ThroughputWeek(DateOnly WeekStart, long Completed);

/// <summary><c>mart_actions_by_team</c>.</summary>
public sealed record TeamAction(string Team, string Action, int Priority, long Count, long OverdueBd, decimal Value);

/// <summary><c>mart_cash_position</c>.</summary>
public sealed record CashPosition(
    long UnbilledCount, decimal Unbilled, long UnbilledUnconverted, long PaymentBacklogCount, decimal PaymentBacklog, long BillingsCount,
    decimal Billings, double? DsoDays, long PaidCount, double? DaysToPayAvg, double? ContractToCashDaysAvg, double? ContractToCashDaysMedian,
    int PeriodDays);

/// <summary><c>mart_ar_aging</c>.</summary>
public sealed record ArBucket(string Bucket, long Count, decimal Amount, long Unconverted);

/// <summary><c>mart_weighted_pipeline</c>.</summary>
public sealed record PipelineMonth(DateOnly Month, long Count, decimal Amount, decimal Weighted, long Unconverted);

/// <summary><c>mart_win_rate</c>.</summary>
public sealed record WinRateMonth(DateOnly Month, long Won, long Lost, decimal WonAmount, decimal LostAmount, double? ByCountPct, double? ByAmountPct);

/// <summary><c>mart_currency_exception</c>, totalled per record type and currency.</summary>
public sealed record CurrencyExceptionTotal(string RecordType, string? Currency, long Count, decimal Amount);
