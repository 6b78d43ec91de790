using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace C2C.Analytics.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, a free port) answering every request with one handler: what the fake APIs
/// of the tests and the benchmarks run on. (The benchmark project compiles this file too.)
/// </summary>
public static class LoopbackServer
{
    /// <summary>Starts the server; its base URL has no trailing slash.</summary>
    public static (WebApplication App, string BaseUrl) Start(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(handler);
        app.StartAsync().GetAwaiter().GetResult();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, address.TrimEnd('/'));
    }
}
