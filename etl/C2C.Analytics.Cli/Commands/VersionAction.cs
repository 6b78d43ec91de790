using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Cli.Commands;

/// <summary><c>c2c --version</c>: the project's version and the version of the DuckDB library it loaded.</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    /// <summary>The project's version (<c>Version</c> in Directory.Build.props), without the source-revision suffix.</summary>
    public static string ProductVersion
    {
        get
        {
            var assembly = typeof(VersionAction).Assembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assembly.GetName().Version?.ToString()
                ?? "unknown";
            var plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? version : version[..plus];
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        var configuration = parseResult.InvocationConfiguration;
        try
        {
            configuration.Output.WriteLine($"c2c {ProductVersion} (DuckDB {DuckDbConnection.LibraryVersion})");
            return ExitCodes.Success;
        }
        catch (DllNotFoundException exception)
        {
            configuration.Output.WriteLine($"c2c {ProductVersion} (DuckDB library not loaded)");
            configuration.Error.WriteLine($"error: {exception.Message}");
            return ExitCodes.Failure;
        }
    }
}
