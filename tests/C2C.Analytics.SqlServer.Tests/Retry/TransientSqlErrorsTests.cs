using System.Net;
using System.Net.Sockets;
using C2C.Analytics.SqlServer.Retry;
using Microsoft.Data.SqlClient;

namespace C2C.Analytics.SqlServer.Tests.Retry;

public sealed class TransientSqlErrorsTests
{
    [Theory]
    [InlineData(40613, true)]  // database not currently available (Azure SQL failover)
    [InlineData(40501, true)]  // service busy
    [InlineData(1205, true)]   // deadlock victim
    [InlineData(10054, true)]  // connection reset
    [InlineData(4060, true)]   // cannot open database (still starting)
    [InlineData(-2, false)]    // command time-out: the same work would time out again
    [InlineData(2627, false)]  // primary key violation
    [InlineData(208, false)]   // invalid object name
    [InlineData(18456, false)] // login failed: a wrong password does not get better
    public void Documented_transient_numbers_are_retried_and_others_are_not(int number, bool transient) =>
        Assert.Equal(transient, TransientSqlErrors.IsTransient(number));

    [Fact]
    public void A_real_connection_failure_is_transient_also_when_wrapped()
    {
        // A port on this machine that nothing listens on: SqlClient fails to connect with a network error.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        using var connection = new SqlConnection($"Server=tcp:127.0.0.1,{port};Database=x;User ID=u;Password=p;Connect Timeout=2;Encrypt=True");
        var error = Assert.Throws<SqlException>(connection.Open);

        Assert.True(TransientSqlErrors.IsTransient(error), $"error {error.Number}: {error.Message}");
        Assert.True(TransientSqlErrors.IsTransient(new PublishException("wrapped", error)));
        Assert.False(TransientSqlErrors.IsTransient(new InvalidOperationException("not SQL")));
    }
}
