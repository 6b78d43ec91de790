using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace C2C.Analytics.Pipeline.Landing;

/// <summary>
/// The audit trail: <c>&lt;data&gt;/landing/&lt;source&gt;/&lt;entity&gt;/&lt;run_id&gt;/…</c>, one file per page or response
/// exactly as the source sent it, plus a manifest per entity and run. Landed files are never rewritten.
/// </summary>
public sealed class LandingArea(string dataDirectory)
{
    internal static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true };

    public string Root { get; } = Path.Combine(dataDirectory, "landing");

    /// <summary>A new run id: UTC time, sortable, plus a random suffix so two runs in one second never collide.</summary>
    public static string NewRunId(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));

    public string Folder(string source, string entity, string runId) =>
        Path.Combine(Root, CheckName(source), CheckName(entity), CheckName(runId));

    /// <summary>Starts landing one entity of one run; the folder must not exist yet.</summary>
    public LandingBatch Begin(string source, string entity, string runId, string origin, WatermarkRange watermark, TimeProvider? clock = null)
    {
        var folder = Folder(source, entity, runId);
        if (Directory.Exists(folder))
        {
            throw new IOException($"Landing folder '{folder}' already exists: landed files are never rewritten.");
        }

        Directory.CreateDirectory(folder);
        return new LandingBatch(folder, source, entity, runId, origin, watermark, clock ?? TimeProvider.System);
    }

    /// <summary>The manifest of one entity in one run, or null when that extract never finished.</summary>
    public LandingManifest? ReadManifest(string source, string entity, string runId)
    {
        var path = Path.Combine(Folder(source, entity, runId), LandingManifest.FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<LandingManifest>(stream, ManifestJson)
            ?? throw new InvalidDataException($"Landing manifest '{path}' is empty.");
    }

    /// <summary>The full paths of the files a manifest lists, in landing order (a file an earlier run landed in its own folder).</summary>
    public IReadOnlyList<string> FilePaths(LandingManifest manifest) =>
        manifest.Files.Select(f => FilePath(manifest, f)).ToList();

    public string FilePath(LandingManifest manifest, LandedFile file) =>
        Path.Combine(Folder(manifest.Source, manifest.Entity, file.LandingRunId ?? manifest.RunId), CheckName(file.Name));

    /// <summary>Run ids of an entity that have a manifest, newest last.</summary>
    public IReadOnlyList<string> CompletedRuns(string source, string entity)
    {
        var folder = Path.Combine(Root, CheckName(source), CheckName(entity));
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateDirectories(folder)
            .Where(d => File.Exists(Path.Combine(d, LandingManifest.FileName)))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Names become folders: only letters, digits, '_', '-' and '.' (no separators, no "..").</summary>
    internal static string CheckName(string name)
    {
        if (name.Length == 0 || name is "." or ".." || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            throw new ArgumentException($"'{name}' is not a valid landing name (letters, digits, '_', '-', '.').", nameof(name));
        }

        return name;
    }
}
