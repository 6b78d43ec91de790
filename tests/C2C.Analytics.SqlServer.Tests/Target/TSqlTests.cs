using System.Text.RegularExpressions;
using C2C.Analytics.SqlServer.Schema;
using C2C.Analytics.SqlServer.Target;

namespace C2C.Analytics.SqlServer.Tests.Target;

/// <summary>
/// Every statement the publisher sends, checked for the identifiers it contains: each is bracketed, each is one the
/// plan allows (schema, table, column, or the constraint and index names made from the table's), and none of the
/// plan's names appears outside brackets. Values are parameters.
/// </summary>
public sealed partial class TSqlTests
{
    private const string Schema = "c2c";
    private const string Staging = "c2c_staging";

    // Names chosen to break naive SQL: a closing bracket, a quote, a statement separator and a comment.
    private static readonly TargetTable Odd = new("dim_odd",
    [
        new TargetColumn("key]; DROP TABLE x; --", SqlServerType.NVarChar(18), false, "", ValueConversion.None),
        new TargetColumn("it's", SqlServerType.Decimal(18, 2), true, "", ValueConversion.None),
        new TargetColumn("snapshot_date", SqlServerType.Date, false, "", ValueConversion.None),
    ], ["key]; DROP TABLE x; --"], false, "snapshot_date", 3);

    // Day and Rows are the result column aliases of the date counts, which Dapper maps by name.
    private static readonly HashSet<string> TableNames = [Schema, Staging, "dim_odd", "PK_dim_odd", "CCI_dim_odd", "Day", "Rows", .. Odd.Columns.Select(c => c.Name)];

    public static TheoryData<string, string> Statements => new()
    {
        { "CreateTable", TSql.CreateTable(Staging, Odd) },
        { "CreateIndexes", TSql.CreateIndexes(Staging, Odd with { Columnstore = true })! },
        { "CountRows", TSql.CountRows(Schema, Odd.Name) },
        { "DateCounts", TSql.DateCounts(Schema, Odd.Name, "snapshot_date") },
        { "DropTable", TSql.DropTable(Staging, Odd.Name) },
        { "Replace", TSql.Replace(Schema, Staging, Odd.Name) },
        { "MergeWindow", TSql.MergeWindow(Schema, Staging, Odd) },
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public void Table_statements_hold_only_bracketed_identifiers_of_the_plan(string statement, string sql)
    {
        var identifiers = Bracketed(sql);

        Assert.NotEmpty(identifiers);
        Assert.All(identifiers, id => Assert.True(TableNames.Contains(id), $"{statement}: unexpected identifier [{id}]"));
        var outside = BracketedIdentifier().Replace(sql, " ");
        Assert.DoesNotContain("DROP TABLE x", outside, StringComparison.Ordinal);
        Assert.DoesNotContain("it's", outside, StringComparison.Ordinal);
        Assert.DoesNotContain("'", outside, StringComparison.Ordinal);
    }

    [Fact]
    public void The_staging_table_is_created_with_each_columns_type_and_nullability()
    {
        var sql = TSql.CreateTable(Staging, Odd);

        Assert.Contains("DROP TABLE IF EXISTS [c2c_staging].[dim_odd];", sql, StringComparison.Ordinal);
        Assert.Contains("[key]]; DROP TABLE x; --] NVARCHAR(18) NOT NULL,", sql, StringComparison.Ordinal);
        Assert.Contains("[it's] DECIMAL(18,2) NULL,", sql, StringComparison.Ordinal);
        Assert.Contains("[snapshot_date] DATE NOT NULL", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Indexes_are_a_clustered_key_or_a_columnstore_with_a_nonclustered_key()
    {
        Assert.Equal("ALTER TABLE [c2c_staging].[dim_odd] ADD CONSTRAINT [PK_dim_odd] PRIMARY KEY CLUSTERED ([key]]; DROP TABLE x; --]);",
            TSql.CreateIndexes(Staging, Odd));
        Assert.Equal(
            "CREATE CLUSTERED COLUMNSTORE INDEX [CCI_dim_odd] ON [c2c_staging].[dim_odd];\n" +
            "ALTER TABLE [c2c_staging].[dim_odd] ADD CONSTRAINT [PK_dim_odd] PRIMARY KEY NONCLUSTERED ([key]]; DROP TABLE x; --]);",
            TSql.CreateIndexes(Staging, Odd with { Columnstore = true }));
        Assert.Null(TSql.CreateIndexes(Staging, Odd with { PrimaryKey = [] }));
    }

    [Fact]
    public void The_switch_drops_the_published_table_and_transfers_the_staging_one_in_its_place() =>
        Assert.Equal(
            "DROP TABLE IF EXISTS [c2c].[dim_odd];\nALTER SCHEMA [c2c] TRANSFER [c2c_staging].[dim_odd];",
            TSql.Replace(Schema, Staging, "dim_odd").Trim());

    [Fact]
    public void A_snapshot_window_is_deleted_from_the_parameter_on_and_inserted_column_for_column()
    {
        var sql = TSql.MergeWindow(Schema, Staging, Odd);

        Assert.Contains("DELETE FROM [c2c].[dim_odd] WHERE [snapshot_date] >= @from;", sql, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO [c2c].[dim_odd] WITH (TABLOCK) ([key]]; DROP TABLE x; --], [it's], [snapshot_date])", sql, StringComparison.Ordinal);
        Assert.Contains("SELECT [key]]; DROP TABLE x; --], [it's], [snapshot_date] FROM [c2c_staging].[dim_odd];", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_and_lock_statements_take_names_as_parameters_only()
    {
        foreach (var sql in new[] { TSql.EnsureSchema, TSql.AcquirePublishLock, TSql.ReadColumns })
        {
            Assert.Empty(Bracketed(sql));
        }

        Assert.Contains("QUOTENAME(@schema)", TSql.EnsureSchema, StringComparison.Ordinal);
        Assert.Contains("@Resource = @resource", TSql.AcquirePublishLock, StringComparison.Ordinal);
        Assert.Contains("SCHEMA_ID(@schema)", TSql.ReadColumns, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_statements_name_only_the_target_schema_and_the_metadata_tables()
    {
        var allowed = new HashSet<string> { Schema, TSql.PublishTable, TSql.SchemaVersionTable, "PK_" + TSql.PublishTable, "PK_" + TSql.SchemaVersionTable };
        foreach (var sql in new[]
        {
            TSql.EnsureMetadataTables(Schema), TSql.CurrentSchemaVersion(Schema), TSql.InsertSchemaChange(Schema),
            TSql.InsertPublish(Schema), TSql.IsPublished(Schema),
        })
        {
            Assert.All(Bracketed(sql), id => Assert.Contains(id, allowed));
        }
    }

    [Fact]
    public void Every_parameter_of_the_publish_record_insert_is_a_property_of_the_record()
    {
        var parameters = Parameter().Matches(TSql.InsertPublish(Schema)).Select(m => m.Groups[1].Value).ToList();
        var properties = typeof(PublishRecord).GetProperties().Select(p => p.Name).ToHashSet();

        Assert.Equal(11, parameters.Count);
        Assert.All(parameters, p => Assert.Contains(p, properties));
    }

    private static List<string> Bracketed(string sql) =>
        BracketedIdentifier().Matches(sql).Select(m => m.Value[1..^1].Replace("]]", "]", StringComparison.Ordinal)).ToList();

    [GeneratedRegex(@"\[(?:[^\]]|\]\])*\]")]
    private static partial Regex BracketedIdentifier();

    [GeneratedRegex(@"@([A-Za-z]+)")]
    private static partial Regex Parameter();
}
