namespace C2C.Analytics.SqlServer;

/// <summary>
/// The publish failed; the message says why and what to do. Whatever the cause, the tables Power BI reads are the
/// ones of the previous publish, and the DuckDB warehouse is untouched. Messages never hold the connection string.
/// </summary>
public class PublishException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The publish is configured wrongly (no connection string, a bad schema name, a snapshot table without its date column).</summary>
public sealed class PublishConfigurationException(string message) : PublishException(message);
