using System.Diagnostics;

namespace C2C.Analytics.PowerBi.Tests.Support;

/// <summary>
/// A fact that needs Microsoft's PBIP JSON schemas and Python's jsonschema: skipped, with the reason, where either is
/// missing (a clone outside the machines that carry <c>../shared/schemas</c>, or a Python without jsonschema).
/// </summary>
public sealed class SchemaFactAttribute : FactAttribute
{
    public const string EnvironmentVariable = "C2C_PBIP_SCHEMAS";

    private static readonly Lazy<string?> Schemas = new(() =>
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var directory = configured is { Length: > 0 } ? configured : Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "schemas", "microsoft-json-schemas"));
        return Directory.Exists(Path.Combine(directory, "fabric")) ? directory : null;
    });

    private static readonly Lazy<string?> PythonProblem = new(() =>
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("python3", "-c \"import jsonschema, referencing\"")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            process.WaitForExit();
            return process.ExitCode == 0 ? null : "Python 3 has no jsonschema/referencing module (pip install jsonschema)";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "python3 is not installed";
        }
    });

    public SchemaFactAttribute()
    {
        if (Schemas.Value is null)
        {
            Skip = $"Microsoft's JSON schemas are not here: ../shared/schemas/microsoft-json-schemas beside the repository, or ${EnvironmentVariable}";
        }
        else if (PythonProblem.Value is { } problem)
        {
            Skip = problem;
        }
    }

    public static string? SchemasDirectory => Schemas.Value;
}
