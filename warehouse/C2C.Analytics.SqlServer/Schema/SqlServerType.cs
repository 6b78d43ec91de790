using System.Globalization;

namespace C2C.Analytics.SqlServer.Schema;

/// <summary>
/// A SQL Server column type as the publisher declares it: <c>INT</c>, <c>DECIMAL(18,2)</c>, <c>NVARCHAR(18)</c>,
/// <c>NVARCHAR(MAX)</c>, <c>DATETIME2(6)</c>. <see cref="Length"/> is in characters (or bytes for VARBINARY), -1 for MAX;
/// <see cref="Scale"/> is also the fractional-second precision of DATETIME2, DATETIMEOFFSET and TIME.
/// </summary>
public sealed record SqlServerType(string Name, int? Length = null, int? Precision = null, int? Scale = null)
{
    public const int Max = -1;

    /// <summary>The longest NVARCHAR that is not MAX.</summary>
    public const int MaxNVarCharLength = 4000;

    public static readonly SqlServerType Bit = new("BIT");
    public static readonly SqlServerType TinyInt = new("TINYINT");
    public static readonly SqlServerType SmallInt = new("SMALLINT");
    public static readonly SqlServerType Int = new("INT");
    public static readonly SqlServerType BigInt = new("BIGINT");
    public static readonly SqlServerType Real = new("REAL");
    public static readonly SqlServerType Float = new("FLOAT");
    public static readonly SqlServerType Date = new("DATE");
    public static readonly SqlServerType UniqueIdentifier = new("UNIQUEIDENTIFIER");
    public static readonly SqlServerType VarBinaryMax = new("VARBINARY", Max);
    public static readonly SqlServerType NVarCharMax = new("NVARCHAR", Max);

    public static SqlServerType Decimal(int precision, int scale) => new("DECIMAL", Precision: precision, Scale: scale);

    public static SqlServerType NVarChar(int? length) =>
        length is { } n && n <= MaxNVarCharLength ? new("NVARCHAR", n) : NVarCharMax;

    public static SqlServerType DateTime2(int scale) => new("DATETIME2", Scale: scale);

    public static SqlServerType DateTimeOffset(int scale) => new("DATETIMEOFFSET", Scale: scale);

    public static SqlServerType Time(int scale) => new("TIME", Scale: scale);

    public bool IsMax => Length == Max;

    /// <summary>Bytes one value takes in an index key (SQL Server's storage sizes), for the 900-byte key limit; null for MAX.</summary>
    public int? KeyBytes => Name switch
    {
        "NVARCHAR" => IsMax ? null : Length * 2,
        "VARBINARY" => IsMax ? null : Length,
        "BIT" or "TINYINT" => 1,
        "SMALLINT" => 2,
        "INT" or "REAL" => 4,
        "BIGINT" or "FLOAT" => 8,
        "DATE" => 3,
        "TIME" => Scale <= 2 ? 3 : Scale <= 4 ? 4 : 5,
        "DATETIME2" => Scale <= 2 ? 6 : Scale <= 4 ? 7 : 8,
        "DATETIMEOFFSET" => Scale <= 2 ? 8 : Scale <= 4 ? 9 : 10,
        "DECIMAL" => Precision <= 9 ? 5 : Precision <= 19 ? 9 : Precision <= 28 ? 13 : 17,
        "UNIQUEIDENTIFIER" => 16,
        _ => null,
    };

    /// <summary>
    /// The type from SQL Server's catalog (<c>sys.columns</c> joined to <c>sys.types</c>): <paramref name="maxLength"/> in
    /// bytes, -1 for MAX.
    /// </summary>
    public static SqlServerType FromCatalog(string typeName, int maxLength, int precision, int scale) => typeName.ToUpperInvariant() switch
    {
        "NVARCHAR" or "NCHAR" => new("NVARCHAR", maxLength == Max ? Max : maxLength / 2),
        "VARCHAR" or "CHAR" or "VARBINARY" or "BINARY" => new(typeName.ToUpperInvariant(), maxLength),
        "DECIMAL" or "NUMERIC" => Decimal(precision, scale),
        "DATETIME2" or "DATETIMEOFFSET" or "TIME" => new(typeName.ToUpperInvariant(), Scale: scale),
        var other => new(other),
    };

    /// <summary>
    /// True when every value of <paramref name="existing"/> fits this type unchanged (a wider integer, a longer text,
    /// more decimal digits on either side of the point, finer fractional seconds): the change loses nothing.
    /// </summary>
    public bool Holds(SqlServerType existing)
    {
        if (this == existing)
        {
            return true;
        }

        if (IntegerDigits(existing.Name) is { } digits)
        {
            return IntegerDigits(Name) is { } ours ? ours >= digits : Name == "DECIMAL" && Precision - Scale >= digits;
        }

        return (existing.Name, Name) switch
        {
            ("DECIMAL", "DECIMAL") => Scale >= existing.Scale && Precision - Scale >= existing.Precision - existing.Scale,
            ("REAL", "FLOAT") => true,
            ("NVARCHAR", "NVARCHAR") or ("VARBINARY", "VARBINARY") => IsMax || (!existing.IsMax && Length >= existing.Length),
            ("DATETIME2", "DATETIME2") or ("DATETIMEOFFSET", "DATETIMEOFFSET") or ("TIME", "TIME") => Scale >= existing.Scale,
            ("DATE", "DATETIME2") => true,
            _ => false,
        };
    }

    // Decimal digits an integer type needs: TINYINT holds 0..255, BIGINT up to 9,223,372,036,854,775,807.
    private static int? IntegerDigits(string name) => name switch
    {
        "TINYINT" => 3,
        "SMALLINT" => 5,
        "INT" => 10,
        "BIGINT" => 19,
        _ => null,
    };

    public override string ToString() => Name switch
    {
        "DECIMAL" => string.Create(CultureInfo.InvariantCulture, $"DECIMAL({Precision},{Scale})"),
        "DATETIME2" or "DATETIMEOFFSET" or "TIME" => string.Create(CultureInfo.InvariantCulture, $"{Name}({Scale})"),
        _ when Length is { } length => length == Max ? $"{Name}(MAX)" : string.Create(CultureInfo.InvariantCulture, $"{Name}({length})"),
        _ => Name,
    };
}
