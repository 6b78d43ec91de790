using C2C.Analytics.SqlServer.Schema;

namespace C2C.Analytics.SqlServer.Tests.Schema;

public sealed class SchemaComparerTests
{
    private static readonly TargetTable Planned = new("dim_x",
    [
        new TargetColumn("x_id", SqlServerType.NVarChar(18), false, "\"x_id\"", ValueConversion.None),
        new TargetColumn("amount", SqlServerType.Decimal(18, 2), true, "\"amount\"", ValueConversion.None),
        new TargetColumn("count", SqlServerType.BigInt, true, "\"count\"", ValueConversion.None),
    ], ["x_id"], false, null, 10);

    [Fact]
    public void A_table_the_server_does_not_have_is_created()
    {
        var change = Assert.Single(SchemaComparer.Compare(Planned, null));

        Assert.Equal((SchemaChangeKind.TableCreated, 3, false), (change.Kind, change.Columns, change.IsBreaking));
        Assert.Equal("dim_x: table created with 3 columns", change.ToString());
    }

    [Fact]
    public void The_same_columns_in_another_case_or_order_are_no_change() =>
        Assert.Empty(SchemaComparer.Compare(Planned,
        [
            new ExistingColumn("COUNT", SqlServerType.BigInt, true),
            new ExistingColumn("X_ID", SqlServerType.NVarChar(18), false),
            new ExistingColumn("Amount", SqlServerType.Decimal(18, 2), true),
        ]));

    [Fact]
    public void Added_columns_wider_types_and_looser_nullability_are_carried_over()
    {
        var changes = SchemaComparer.Compare(Planned,
        [
            new ExistingColumn("x_id", SqlServerType.NVarChar(15), false),
            new ExistingColumn("amount", SqlServerType.Decimal(18, 2), false),
        ]);

        Assert.Equal(
            [
                "dim_x: column x_id widened from NVARCHAR(15) to NVARCHAR(18)",
                "dim_x: column amount now allows NULL",
                "dim_x: column count added (BIGINT)",
            ],
            changes.Select(c => c.ToString()));
        Assert.DoesNotContain(changes, c => c.IsBreaking);
    }

    [Fact]
    public void Narrower_types_and_removed_columns_are_breaking()
    {
        var changes = SchemaComparer.Compare(Planned,
        [
            new ExistingColumn("x_id", SqlServerType.NVarChar(18), false),
            new ExistingColumn("amount", SqlServerType.Decimal(18, 4), true),
            new ExistingColumn("count", SqlServerType.BigInt, true),
            new ExistingColumn("legacy", SqlServerType.Int, true),
        ]);

        Assert.Equal(
            [
                "dim_x: column amount would change from DECIMAL(18,4) to DECIMAL(18,2), which cannot hold every value of DECIMAL(18,4)",
                "dim_x: column legacy (INT) is no longer in the warehouse",
            ],
            changes.Select(c => c.ToString()));
        Assert.All(changes, c => Assert.True(c.IsBreaking));
    }
}
