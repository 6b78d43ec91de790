using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace C2C.Analytics.DuckDb.Native;

/// <summary>
/// Finds libduckdb for the P/Invoke layer. An explicit path in <c>C2C_DUCKDB_LIBRARY</c> wins; otherwise the
/// library the build placed beside the assemblies; otherwise the operating system's own search.
/// </summary>
internal static class NativeLibraryResolver
{
    public const string EnvironmentVariable = "C2C_DUCKDB_LIBRARY";
    internal const string LibraryName = "duckdb";

    private static readonly Lock Gate = new();
    private static IntPtr _handle;

    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "The resolver must be in place before the first P/Invoke.")]
    internal static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != LibraryName)
        {
            return IntPtr.Zero;
        }

        lock (Gate)
        {
            if (_handle == IntPtr.Zero)
            {
                _handle = Load();
            }

            return _handle;
        }
    }

    private static IntPtr Load()
    {
        var tried = new List<string>();
        var explicitPath = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            // An explicit choice is never silently replaced by another library.
            if (NativeLibrary.TryLoad(explicitPath, out var handle))
            {
                return handle;
            }

            throw new DllNotFoundException(
                $"{EnvironmentVariable} is set to '{explicitPath}', but no DuckDB library could be loaded from there. " +
                "Point it at a libduckdb 1.5.x file for this platform, or unset it to use the library the build placed beside the assemblies.");
        }

        foreach (var candidate in Candidates())
        {
            tried.Add(candidate);
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }

        foreach (var name in PlatformFileNames())
        {
            tried.Add($"{name} (system search path)");
            if (NativeLibrary.TryLoad(name, out var handle))
            {
                return handle;
            }
        }

        throw new DllNotFoundException(
            "The DuckDB native library could not be loaded. Tried: " + string.Join("; ", tried) + ". " +
            "It is normally placed beside the assemblies by the build (from the npm package @duckdb/node-bindings-<os>-<cpu>@1.5.6-r.1): " +
            "run 'dotnet build' with Node.js and npm installed, or set " + EnvironmentVariable + " to the full path of a libduckdb 1.5.x library.");
    }

    private static IEnumerable<string> Candidates()
    {
        var directories = new[] { AppContext.BaseDirectory, Path.GetDirectoryName(typeof(NativeLibraryResolver).Assembly.Location) }
            .Select(d => string.IsNullOrEmpty(d) ? d : Path.TrimEndingDirectorySeparator(d))
            .Where(d => !string.IsNullOrEmpty(d))
            .Distinct(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            foreach (var name in PlatformFileNames())
            {
                yield return Path.Combine(directory!, name);
            }
        }
    }

    private static string[] PlatformFileNames()
    {
        if (OperatingSystem.IsWindows())
        {
            return ["duckdb.dll"];
        }

        return OperatingSystem.IsMacOS() ? ["libduckdb.dylib"] : ["libduckdb.so"];
    }
}
