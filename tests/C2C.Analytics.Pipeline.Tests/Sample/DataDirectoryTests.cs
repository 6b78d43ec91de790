namespace C2C.Analytics.Pipeline.Tests.Sample;

/// <summary><see cref="DataDirectory"/>: --data, else $C2C_DATA, else ./data — shared by c2c sample and c2c run.</summary>
public class DataDirectoryTests
{
    private static readonly string Current = Path.Combine(Path.GetTempPath(), "c2c-current");

    private static Func<string, string?> Environment(string? value) => name => name == DataDirectory.EnvironmentVariable ? value : null;

    [Fact]
    public void The_option_wins_over_the_environment() =>
        Assert.Equal(Path.Combine(Current, "mine"), DataDirectory.Resolve("mine", Environment("/elsewhere"), Current));

    [Fact]
    public void The_environment_variable_is_used_without_the_option() =>
        Assert.Equal(Path.GetFullPath("/srv/c2c"), DataDirectory.Resolve(null, Environment("/srv/c2c"), Current));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Otherwise_it_is_data_under_the_current_directory(string? blank) =>
        Assert.Equal(Path.Combine(Current, "data"), DataDirectory.Resolve(blank, Environment(blank), Current));
}
