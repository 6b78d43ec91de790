using System.Text.Json;
using C2C.Analytics.Cli.Operations.Logging;
using Microsoft.Extensions.Logging;

namespace C2C.Analytics.Cli.Tests.Operations.Logging;

/// <summary>Log lines as machines and people read them.</summary>
public sealed class LogLineFormatterTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 8, 7, 0, 1, 250, TimeSpan.Zero);

    [Fact]
    public void A_json_line_is_one_object_with_the_message_values_in_snake_case_and_text_kept_readable()
    {
        var line = LogLineFormatter.Json(At, LogLevel.Warning, "c2c.run", "Run x: Björn's \"notes\"\nsecond line",
            [new("RunId", "20260308T070001Z-abc123"), new("Rows", 42L), new("{OriginalFormat}", "Run {RunId}"), new("AsOf", new DateOnly(2026, 3, 7))],
            exception: null);

        Assert.DoesNotContain('\n', line);
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("2026-03-08T07:00:01.250Z", root.GetProperty("timestamp").GetString());
        Assert.Equal("Warning", root.GetProperty("level").GetString());
        Assert.Equal("Run x: Björn's \"notes\"\nsecond line", root.GetProperty("message").GetString());
        Assert.Equal("20260308T070001Z-abc123", root.GetProperty("run_id").GetString());
        Assert.Equal(42, root.GetProperty("rows").GetInt64());
        Assert.Equal("2026-03-07", root.GetProperty("as_of").GetString());
        Assert.False(root.TryGetProperty("{OriginalFormat}", out _));
        Assert.Contains("Björn's", line, StringComparison.Ordinal); // not \u-escaped
    }

    [Theory]
    [InlineData("RunId", "run_id")]
    [InlineData("DataDirectory", "data_directory")]
    [InlineData("run_id", "run_id")]
    [InlineData("HTTPStatus", "http_status")]
    public void Names_become_snake_case(string name, string expected) => Assert.Equal(expected, LogLineFormatter.SnakeCase(name));

    [Fact]
    public void A_text_line_marks_warnings_and_errors()
    {
        Assert.EndsWith("  error: it broke", LogLineFormatter.Text(At, LogLevel.Error, "it broke", null), StringComparison.Ordinal);
        Assert.EndsWith("  warning: careful", LogLineFormatter.Text(At, LogLevel.Warning, "careful", null), StringComparison.Ordinal);
        Assert.EndsWith("  extract…", LogLineFormatter.Text(At, LogLevel.Information, "extract…", null), StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_writes_its_log_as_json_lines_under_logs_named_by_its_run_id()
    {
        var data = Path.Combine(Path.GetTempPath(), "c2c-log-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var file = RunLogFile.Create(data, "20260308T070001Z-abc123"))
            using (var factory = new LoggerFactory([file.Provider]))
            {
                factory.CreateLogger("c2c.run").LogInformation("step {Step}", "models");
            }

            var lines = File.ReadAllLines(Path.Combine(data, "logs", "20260308T070001Z-abc123.jsonl"));
            Assert.Equal("models", JsonDocument.Parse(Assert.Single(lines)).RootElement.GetProperty("step").GetString());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
