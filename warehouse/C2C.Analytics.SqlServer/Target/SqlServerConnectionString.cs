using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace C2C.Analytics.SqlServer.Target;

/// <summary>
/// The connection string the publisher uses: the configured one, encrypted with the server certificate validated
/// unless it says otherwise (SqlClient 2.1 does not encrypt by default, and predates the fix for CVE-2024-0056, so the
/// publisher asks for it), an application name for the server's logs, and no connection pooling.
/// </summary>
public static class SqlServerConnectionString
{
    public const string ApplicationName = "c2c publish";

    public static SqlConnectionStringBuilder Build(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new PublishConfigurationException(
                "No SQL Server connection string: set the environment variable C2C__Publish__SqlServer__ConnectionString " +
                "or the user secret Publish:SqlServer:ConnectionString.");
        }

        SqlConnectionStringBuilder builder;
        DbConnectionStringBuilder given;
        try
        {
            given = new DbConnectionStringBuilder { ConnectionString = configured };
            builder = new SqlConnectionStringBuilder(configured);
        }
        catch (ArgumentException e)
        {
            // The message of a parse error can quote the string, password included: it is not passed on.
            throw new PublishConfigurationException($"The SQL Server connection string cannot be read ({e.GetType().Name}); check its keywords and quoting.");
        }

        if (!given.ContainsKey("Encrypt"))
        {
            builder.Encrypt = true;
        }

        if (!given.ContainsKey("Application Name") && !given.ContainsKey("App"))
        {
            builder.ApplicationName = ApplicationName;
        }

        // The publish lock belongs to the session: closing the connection must end the session (a pooled one would
        // keep the lock alive, and a reconnect after a transient error could be refused by the publisher's own lock).
        builder.Pooling = false;
        return builder;
    }

    /// <summary>"server S, database D", for messages and logs.</summary>
    public static string Describe(SqlConnectionStringBuilder builder) =>
        $"server {builder.DataSource}, database {(string.IsNullOrEmpty(builder.InitialCatalog) ? "(the login's default)" : builder.InitialCatalog)}";

    /// <summary>A warning when the connection is not encrypted or does not validate the server's certificate; null when it does both.</summary>
    public static string? SecurityWarning(SqlConnectionStringBuilder builder) => (builder.Encrypt, builder.TrustServerCertificate) switch
    {
        (false, _) => "warning: the SQL Server connection is not encrypted (Encrypt=False); data and credentials cross the network in clear.",
        (true, true) => "warning: the server's certificate is not validated (TrustServerCertificate=True); use it only on a network you trust.",
        _ => null,
    };
}
