using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace C2C.Analytics.DuckDb;

/// <summary>
/// A value for <c>$name</c>, <c>$1</c> or <c>?</c> in the command text. The name may be given with or without its
/// prefix (<c>$</c>, <c>@</c> or <c>:</c>).
/// </summary>
public sealed class DuckDbParameter : DbParameter
{
    private string _name = string.Empty;

    public DuckDbParameter() { }

    public DuckDbParameter(object? value) => Value = value;

    public DuckDbParameter(string name, object? value)
    {
        ParameterName = name;
        Value = value;
    }

    public override DbType DbType { get; set; } = DbType.Object;

    public override ParameterDirection Direction
    {
        get => ParameterDirection.Input;
        set
        {
            if (value != ParameterDirection.Input)
            {
                throw new NotSupportedException("DuckDB supports input parameters only.");
            }
        }
    }

    public override bool IsNullable { get; set; } = true;

    [AllowNull]
    public override string ParameterName
    {
        get => _name;
        set => _name = value ?? string.Empty;
    }

    [AllowNull]
    public override string SourceColumn { get; set; } = string.Empty;

    public override bool SourceColumnNullMapping { get; set; }

    public override int Size { get; set; }

    public override object? Value { get; set; }

    /// <summary>The name as DuckDB reports it: without a prefix.</summary>
    internal string NormalizedName => Normalize(_name);

    public override void ResetDbType() => DbType = DbType.Object;

    internal static string Normalize(string name) =>
        name.Length > 0 && name[0] is '$' or '@' or ':' ? name[1..] : name;
}
