namespace C2C.Analytics.SqlServer.Tests.Support;

/// <summary>
/// Stands for a transient SqlException (which only SqlClient can construct): the publisher under test is given a
/// classifier that treats this type as transient, the way <c>TransientSqlErrors</c> treats SQL error 40613.
/// </summary>
internal sealed class TransientError(string message) : Exception(message)
{
    public static bool IsTransient(Exception e) => e is TransientError;
}
