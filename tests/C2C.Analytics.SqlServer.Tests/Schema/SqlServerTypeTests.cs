using C2C.Analytics.SqlServer.Schema;

namespace C2C.Analytics.SqlServer.Tests.Schema;

public sealed class SqlServerTypeTests
{
    [Fact]
    public void Types_are_written_as_sql_server_declares_them()
    {
        Assert.Equal("DECIMAL(18,2)", SqlServerType.Decimal(18, 2).ToString());
        Assert.Equal("NVARCHAR(18)", SqlServerType.NVarChar(18).ToString());
        Assert.Equal("NVARCHAR(MAX)", SqlServerType.NVarChar(null).ToString());
        Assert.Equal("NVARCHAR(4000)", SqlServerType.NVarChar(4000).ToString());
        Assert.Equal("NVARCHAR(MAX)", SqlServerType.NVarChar(4001).ToString());
        Assert.Equal("DATETIME2(6)", SqlServerType.DateTime2(6).ToString());
        Assert.Equal("VARBINARY(MAX)", SqlServerType.VarBinaryMax.ToString());
        Assert.Equal("BIGINT", SqlServerType.BigInt.ToString());
    }

    [Theory]
    // sys.columns gives NVARCHAR lengths in bytes (two per character) and -1 for MAX.
    [InlineData("nvarchar", 36, 0, 0, "NVARCHAR(18)")]
    [InlineData("nvarchar", -1, 0, 0, "NVARCHAR(MAX)")]
    [InlineData("decimal", 9, 18, 2, "DECIMAL(18,2)")]
    [InlineData("numeric", 17, 38, 0, "DECIMAL(38,0)")]
    [InlineData("datetime2", 8, 27, 6, "DATETIME2(6)")]
    [InlineData("int", 4, 10, 0, "INT")]
    [InlineData("bit", 1, 1, 0, "BIT")]
    public void Types_are_read_back_from_the_servers_catalog(string name, int maxLength, int precision, int scale, string expected) =>
        Assert.Equal(expected, SqlServerType.FromCatalog(name, maxLength, precision, scale).ToString());

    [Theory]
    // existing → new: does the new type hold every value of the existing one?
    [InlineData("INT", "BIGINT", true)]
    [InlineData("BIGINT", "INT", false)]
    [InlineData("TINYINT", "SMALLINT", true)]
    [InlineData("INT", "DECIMAL(10,0)", true)]     // 2,147,483,647 has 10 digits
    [InlineData("INT", "DECIMAL(12,3)", false)]    // only 9 digits before the point
    [InlineData("DECIMAL(18,2)", "DECIMAL(20,2)", true)]
    [InlineData("DECIMAL(18,2)", "DECIMAL(19,3)", true)] // 16 integer digits and 3 ≥ 2 decimals
    [InlineData("DECIMAL(18,4)", "DECIMAL(18,2)", false)]
    [InlineData("DECIMAL(18,2)", "DECIMAL(18,4)", false)] // integer digits drop from 16 to 14
    [InlineData("NVARCHAR(18)", "NVARCHAR(40)", true)]
    [InlineData("NVARCHAR(18)", "NVARCHAR(MAX)", true)]
    [InlineData("NVARCHAR(MAX)", "NVARCHAR(4000)", false)]
    [InlineData("NVARCHAR(40)", "NVARCHAR(18)", false)]
    [InlineData("REAL", "FLOAT", true)]
    [InlineData("FLOAT", "REAL", false)]
    [InlineData("DATE", "DATETIME2(6)", true)]
    [InlineData("DATETIME2(6)", "DATE", false)]
    [InlineData("DATETIME2(3)", "DATETIME2(6)", true)]
    [InlineData("NVARCHAR(MAX)", "INT", false)]
    [InlineData("BIT", "INT", false)]
    public void A_change_is_lossless_only_when_the_new_type_holds_every_old_value(string existing, string planned, bool holds) =>
        Assert.Equal(holds, Parse(planned).Holds(Parse(existing)));

    [Fact]
    public void Key_sizes_follow_sql_servers_storage()
    {
        Assert.Equal(36, SqlServerType.NVarChar(18).KeyBytes);
        Assert.Null(SqlServerType.NVarCharMax.KeyBytes);
        Assert.Equal(4, SqlServerType.Int.KeyBytes);
        Assert.Equal(3, SqlServerType.Date.KeyBytes);
        Assert.Equal(8, SqlServerType.DateTime2(6).KeyBytes);
        Assert.Equal(9, SqlServerType.Decimal(18, 2).KeyBytes);
        Assert.Equal(17, SqlServerType.Decimal(38, 0).KeyBytes);
    }

    private static SqlServerType Parse(string text)
    {
        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return new SqlServerType(text);
        }

        var name = text[..open];
        var inside = text[(open + 1)..^1].Split(',');
        return name switch
        {
            "DECIMAL" => SqlServerType.Decimal(int.Parse(inside[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(inside[1], System.Globalization.CultureInfo.InvariantCulture)),
            "NVARCHAR" => inside[0] == "MAX" ? SqlServerType.NVarCharMax : SqlServerType.NVarChar(int.Parse(inside[0], System.Globalization.CultureInfo.InvariantCulture)),
            _ => new SqlServerType(name, Scale: int.Parse(inside[0], System.Globalization.CultureInfo.InvariantCulture)),
        };
    }
}
