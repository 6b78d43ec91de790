using System.CommandLine;
using System.Globalization;
using C2C.Analytics.Pipeline;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.SqlServer;
using C2C.Analytics.SqlServer.Target;
using C2C.Analytics.Warehouse.Models;
using Microsoft.Extensions.Configuration;

namespace C2C.Analytics.Cli.Commands;

/// <summary>
/// <c>c2c publish</c>: publishes the warehouse's last successful run to SQL Server (configuration section
/// <c>Publish:SqlServer</c>) without extracting anything. Also <see cref="PublishAfterRun"/>, which <c>c2c run</c>
/// calls once a run has succeeded when <c>--target sqlserver</c> or <c>Publish:Target</c> asks for it.
/// </summary>
internal sealed class PublishCommand
{
    /// <summary>The only serving target so far.</summary>
    public const string SqlServerTarget = "sqlserver";

    /// <summary>The configuration key naming the target <c>c2c run</c> publishes to.</summary>
    public const string TargetKey = "Publish:Target";

    private readonly CliEnvironment _environment;

    private readonly Option<string?> _data = new("--data")
    {
        Description = "The data folder holding warehouse.duckdb. Default: $C2C_DATA, else ./data.",
        HelpName = "DIR",
    };

    private readonly Option<bool> _acceptBreakingChanges = new("--accept-breaking-changes")
    {
        Description = "Rebuild published tables whose columns were removed or narrowed in the warehouse, instead of stopping.",
    };

    public PublishCommand(CliEnvironment environment)
    {
        _environment = environment;
        Command = new Command("publish", "Publish the warehouse's last successful run to SQL Server (Publish:SqlServer), without extracting.")
        {
            _data, _acceptBreakingChanges,
        };
        Command.SetAction((parseResult, cancellationToken) => Task.Run(() => Run(parseResult, cancellationToken), CancellationToken.None));
    }

    public Command Command { get; }

    /// <summary>The <c>--target</c> option of <c>c2c run</c>.</summary>
    public static Option<string?> CreateTargetOption()
    {
        var option = new Option<string?>("--target")
        {
            Description = "After a successful run, publish the finished tables to this serving target (sqlserver; none to skip). Default: Publish:Target.",
            HelpName = "TARGET",
        };
        option.AcceptOnlyFromAmong(SqlServerTarget, "none");
        return option;
    }

    /// <summary>
    /// Publishes a successful run when <paramref name="target"/> (or <c>Publish:Target</c>) asks for it. 0 when it was
    /// published or nothing was asked; <see cref="ExitCodes.PublishFailed"/> when publishing failed (the warehouse keeps
    /// the run: <c>c2c publish</c> tries again); <see cref="ExitCodes.Interrupted"/> when cancelled.
    /// </summary>
    public static int PublishAfterRun(CliEnvironment environment, RunSummary summary, string? target, CancellationToken cancellationToken)
    {
        var configuration = AppConfiguration.Load(environment);
        target ??= configuration[TargetKey];
        if (string.IsNullOrWhiteSpace(target) || string.Equals(target, "none", StringComparison.OrdinalIgnoreCase))
        {
            return ExitCodes.Success;
        }

        environment.Out.WriteLine();
        if (!string.Equals(target, SqlServerTarget, StringComparison.OrdinalIgnoreCase))
        {
            environment.Error.WriteLine($"error: the run succeeded, but {TargetKey} '{target}' is not a serving target (expected {SqlServerTarget}).");
            return ExitCodes.PublishFailed;
        }

        var code = Publish(environment, configuration, summary.WarehousePath, new PublishRequest(summary.Run.RunId, summary.Run.AsOf), false, cancellationToken);
        if (code is not ExitCodes.Success and not ExitCodes.Interrupted)
        {
            environment.Error.WriteLine("The run succeeded and the warehouse keeps it; run c2c publish to publish it again.");
            return ExitCodes.PublishFailed;
        }

        return code;
    }

    private int Run(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var configuration = AppConfiguration.Load(_environment);
        var pipeline = AppConfiguration.Bind<PipelineOptions>(configuration, PipelineOptions.SectionName);
        var dataDirectory = DataDirectory.Resolve(parseResult.GetValue(_data), _environment.GetEnvironmentVariable, _environment.CurrentDirectory);
        var warehouse = WarehouseLocation.OfRun(pipeline.Warehouse, dataDirectory, _environment.GetEnvironmentVariable, _environment.CurrentDirectory);
        return Publish(_environment, configuration, warehouse, request: null, parseResult.GetValue(_acceptBreakingChanges), cancellationToken);
    }

    private static int Publish(CliEnvironment environment, IConfiguration configuration, string warehouse, PublishRequest? request,
        bool acceptBreakingChanges, CancellationToken cancellationToken)
    {
        var error = environment.Error;
        try
        {
            var options = AppConfiguration.Bind<SqlServerPublishOptions>(configuration, SqlServerPublishOptions.SectionName);
            options.AcceptBreakingChanges |= acceptBreakingChanges;
            if (SqlServerConnectionString.SecurityWarning(SqlServerConnectionString.Build(options.ConnectionString)) is { } warning)
            {
                error.WriteLine(warning);
            }

            var publisher = new SqlServerPublisher(options);
            publisher.Progress += message => error.WriteLine($"{DateTime.UtcNow.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}  {message}");
            var result = publisher.PublishAsync(warehouse, ModelCatalog.Load(ModelCatalog.DefaultDirectory), request, cancellationToken).GetAwaiter().GetResult();
            environment.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Published run {result.Run.RunId} (as of {result.Run.AsOf:yyyy-MM-dd}) to schema {result.Schema} on {result.Target}: " +
                $"{result.Tables.Count} tables, {result.Rows:N0} rows, schema version {result.SchemaVersion} ({result.Elapsed.TotalSeconds:0.0} s)."));
            return ExitCodes.Success;
        }
        catch (PublishConfigurationException e)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine("Nothing was published.");
            return ExitCodes.ConfigurationError;
        }
        catch (Exception e) when (e is PublishException or ModelCatalogException)
        {
            error.WriteLine($"error: publishing to SQL Server failed: {e.Message}");
            return ExitCodes.PublishFailed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("Publishing was interrupted; the published tables are the previous publish's.");
            return ExitCodes.Interrupted;
        }
    }
}
