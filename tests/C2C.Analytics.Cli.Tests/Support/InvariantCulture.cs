using System.Globalization;
using System.Runtime.CompilerServices;

namespace C2C.Analytics.Cli.Tests.Support;

/// <summary>What c2c's Program.cs does at start: the machine's locale does not change numbers, dates or sorting.</summary>
internal static class InvariantCulture
{
    [ModuleInitializer]
    internal static void Set()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }
}
