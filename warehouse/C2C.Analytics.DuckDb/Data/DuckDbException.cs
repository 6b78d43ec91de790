using System.Data.Common;
using C2C.Analytics.DuckDb.Native;

namespace C2C.Analytics.DuckDb;

/// <summary>Every error DuckDB reports, with DuckDB's own message and error class.</summary>
public sealed class DuckDbException : DbException
{
    public DuckDbException(string message, DuckDbErrorType errorType = DuckDbErrorType.Invalid, Exception? inner = null)
        : base(message, inner)
    {
        ErrorType = errorType == DuckDbErrorType.Invalid ? ClassifyMessage(message) : errorType;
    }

    /// <summary>DuckDB's error class (parser, binder, constraint, …).</summary>
    public DuckDbErrorType ErrorType { get; }

    // Where the C API hands out a message but no error type (prepare, extract, pending), the message's own prefix
    // ("Parser Error: …", "Constraint Error: …") names the class.
    internal static DuckDbErrorType ClassifyMessage(string message)
    {
        var colon = message.IndexOf(" Error:", StringComparison.Ordinal);
        if (colon <= 0)
        {
            return DuckDbErrorType.Invalid;
        }

        var name = message[..colon].Replace(" ", string.Empty, StringComparison.Ordinal);
        return name switch
        {
            "TransactionContext" => DuckDbErrorType.Transaction,
            "InvalidInput" => DuckDbErrorType.InvalidInput,
            "INTERNAL" => DuckDbErrorType.Internal,
            _ => Enum.TryParse<DuckDbErrorType>(name, ignoreCase: true, out var type) ? type : DuckDbErrorType.Invalid,
        };
    }
}
