using System.Text.Json;

namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

/// <summary>Reads and writes <see cref="SyncState"/> files under <c>&lt;data&gt;/state/smartsheet/</c>, one per run.</summary>
internal static class SyncStateStore
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static string PathFor(string dataDirectory, string runId) =>
        Path.Combine(dataDirectory, "state", "smartsheet", Landing.LandingArea.CheckName(runId) + ".json");

    /// <summary>The state a run left, or null (no such run, or it landed the tracker some other way: sample, export file).</summary>
    public static SyncState? Load(string dataDirectory, string runId)
    {
        var path = PathFor(dataDirectory, runId);
        if (!File.Exists(path))
        {
            return null;
        }

        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<SyncState>(stream, Json)
            ?? throw new InvalidDataException($"Smartsheet state file '{path}' is empty.");
    }

    /// <summary>Writes the state atomically (a reader sees none or all of it).</summary>
    public static void Save(string dataDirectory, SyncState state)
    {
        var path = PathFor(dataDirectory, state.RunId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            JsonSerializer.Serialize(stream, state, Json);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
