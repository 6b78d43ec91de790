using Microsoft.Extensions.Configuration;

namespace C2C.Analytics.Cli;

/// <summary>
/// The application's configuration, read the .NET way, later sources winning: <c>appsettings.json</c> beside the
/// program, <c>appsettings.json</c> in the current directory, user secrets, then environment variables
/// (<c>C2C__Section__Key</c>, e.g. <c>C2C__Calendar__HolidaySets__0=england-wales</c>).
/// </summary>
internal static class AppConfiguration
{
    public const string EnvironmentPrefix = "C2C__";

    public static IConfiguration Load(CliEnvironment environment)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        var local = Path.Combine(environment.CurrentDirectory, "appsettings.json");
        if (!string.Equals(Path.GetFullPath(local), Path.Combine(AppContext.BaseDirectory, "appsettings.json"), StringComparison.Ordinal))
        {
            builder.AddJsonFile(local, optional: true, reloadOnChange: false);
        }

        builder.AddUserSecrets(typeof(AppConfiguration).Assembly, optional: true, reloadOnChange: false);
        builder.AddEnvironmentVariables(EnvironmentPrefix);
        return builder.Build();
    }

    public static T Bind<T>(IConfiguration configuration, string section)
        where T : new()
    {
        var value = new T();
        configuration.GetSection(section).Bind(value);
        return value;
    }
}
