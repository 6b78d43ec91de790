using Microsoft.Data.SqlClient;

namespace C2C.Analytics.SqlServer.Retry;

/// <summary>
/// Which SQL errors are worth another try. The numbers are the transient errors Microsoft.Data.SqlClient documents for
/// its configurable retry logic (SqlConfigurableRetryFactory): Azure SQL reconfiguration, failover and throttling,
/// deadlocks and lock time-outs, and the network errors of a dropped connection. A command time-out (-2) is not on
/// the list: trying the same work again would take as long; raise the time-out instead.
/// </summary>
public static class TransientSqlErrors
{
    public static readonly IReadOnlySet<int> Numbers = new HashSet<int>
    {
        1204,  // the instance cannot obtain a LOCK resource at this time
        1205,  // deadlock victim
        1222,  // lock request time-out period exceeded
        49918, // not enough resources to process the request
        49919, // too many create or update operations in progress
        49920, // too many operations in progress
        4060,  // cannot open the database requested by the login
        4221,  // login to a read-secondary failed: the replica is not available yet
        40143, // the service has encountered an error processing your request
        40613, // database not currently available (reconfiguration, failover)
        40501, // the service is currently busy
        40540, // the service has encountered an error processing your request
        40197, // the service has encountered an error processing your request (upgrade, failover)
        10929, // resource ID: minimum guarantee reached / server too busy
        10928, // resource ID: limit reached
        10060, // network: connection attempt timed out
        10054, // network: connection forcibly closed by the remote host
        10053, // network: connection aborted by the local host
        997,   // a connection was established but an error occurred during login (overlapped I/O)
        233,   // no process is on the other end of the pipe
        64,    // the specified network name is no longer available
        20,    // "the instance of SQL Server you attempted to connect to does not support encryption" (on the documented list)
        0,     // a network-level error with no SQL Server number (could not open a connection)
    };

    public static bool IsTransient(int number) => Numbers.Contains(number);

    /// <summary>True for a <see cref="SqlException"/> any of whose errors is transient, also when wrapped.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        SqlException sql => sql.Errors.Cast<SqlError>().Any(e => IsTransient(e.Number)),
        PublishException { InnerException: { } inner } => IsTransient(inner),
        _ => false,
    };
}
