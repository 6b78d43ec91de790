using C2C.Analytics.Cli.Tests.Support;

namespace C2C.Analytics.Cli.Tests.Commands;

public sealed class VersionActionTests
{
    [Fact]
    public void Version_shows_the_project_version_and_the_duckdb_library_version()
    {
        var result = CliRunner.Run("--version");

        Assert.Equal(0, result.ExitCode);
        // The build pins DuckDB 1.5.6 (issue 2); the project's own version is whatever Directory.Build.props says.
        Assert.Matches(@"^c2c \d+\.\d+\.\d+\S* \(DuckDB v1\.5\.6\)\n$", result.Out);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void Help_lists_the_sql_command()
    {
        var result = CliRunner.Run("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("sql <query>", result.Out);
        Assert.Contains("--version", result.Out);
    }
}
