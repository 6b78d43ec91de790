using C2C.Analytics.Pipeline.PowerBi;

namespace C2C.Analytics.PowerBi.Tests.Generator;

/// <summary>The warehouse's naming conventions read as model properties.</summary>
public sealed class ColumnConventionsTests
{
    private static readonly string[] StageFact = ["deal_id", "stage_key", "stage_order", "owner_id", "aging_bucket", "aging_bucket_order", "completed_date_key"];
    private static readonly string[] Dates = ["date_key", "date", "month", "month_name", "day_of_week", "day_name"];

    [Theory]
    [InlineData("stage_key", "stage_order")]
    [InlineData("aging_bucket", "aging_bucket_order")]
    [InlineData("deal_id", null)]
    [InlineData("stage_order", null)]
    public void A_column_sorts_by_its_order_column_when_the_table_has_one(string column, string? expected) =>
        Assert.Equal(expected, ColumnConventions.SortByColumn(column, StageFact));

    [Theory]
    [InlineData("month_name", "month")]
    [InlineData("day_name", "day_of_week")]
    [InlineData("month", null)]
    public void Month_and_day_names_sort_by_their_numbers(string column, string? expected) =>
        Assert.Equal(expected, ColumnConventions.SortByColumn(column, Dates));

    [Theory]
    [InlineData("owner_id", true)]
    [InlineData("completed_date_key", true)]
    [InlineData("stage_key", true)]
    [InlineData("aging_bucket_order", true)]
    [InlineData("stage_order", true)]
    [InlineData("deal_id", false)]
    [InlineData("aging_bucket", false)]
    public void Keys_hashes_and_sort_orders_are_hidden_business_identifiers_are_not(string column, bool hidden) =>
        Assert.Equal(hidden, ColumnConventions.IsHidden(column, StageFact));

    [Fact]
    public void An_order_column_nothing_sorts_by_stays_visible() => Assert.False(ColumnConventions.IsHidden("stage_order", ["stage_order", "status"]));

    [Theory]
    [InlineData("completed_on", "DATE", "Dates")]
    [InlineData("is_stuck", "BOOLEAN", "Flags")]
    [InlineData("age_bd", "INTEGER", "Business days")]
    [InlineData("cycle_time_bd_avg", "DOUBLE", "Business days")]
    [InlineData("contract_value", "DECIMAL(18,2)", "Amounts")]
    [InlineData("source_row_number", "INTEGER", "Lineage")]
    [InlineData("is_deleted", "BOOLEAN", "Lineage")]
    [InlineData("status", "VARCHAR", null)]
    public void A_visible_column_goes_into_the_folder_of_its_kind(string column, string duckDbType, string? folder) =>
        Assert.Equal(folder, ColumnConventions.DisplayFolder(column, ModelColumnType.From("t", column, duckDbType)!));
}
