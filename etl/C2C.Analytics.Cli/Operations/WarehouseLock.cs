using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace C2C.Analytics.Cli.Operations;

/// <summary>
/// One run at a time per warehouse, across processes: <c>&lt;warehouse&gt;.lock</c> held open with an exclusive OS lock
/// for as long as the run lasts, and <c>&lt;warehouse&gt;.lock.json</c> saying who holds it (process id, host, since when,
/// what). The OS drops the lock when its process ends, however it ends, so a lock left by a killed process is simply
/// free: the next run takes it, and says whose stale note it replaced. A second run never waits and never touches
/// the warehouse: it stops with <see cref="ExitCodes.LockHeld"/> and names the holder.
/// </summary>
internal sealed class WarehouseLock : IDisposable
{
    private readonly FileStream _handle;
    private readonly string _notePath;

    private WarehouseLock(FileStream handle, string notePath, LockHolder holder, LockHolder? stale)
    {
        _handle = handle;
        _notePath = notePath;
        Holder = holder;
        Stale = stale;
    }

    /// <summary>Who holds it now: this process.</summary>
    public LockHolder Holder { get; }

    /// <summary>The note a process that ended without releasing the lock left behind, if any.</summary>
    public LockHolder? Stale { get; }

    public static string LockPath(string warehousePath) => warehousePath + ".lock";

    public static string NotePath(string warehousePath) => warehousePath + ".lock.json";

    /// <exception cref="WarehouseLockedException">Another process holds the lock.</exception>
    public static WarehouseLock Acquire(string warehousePath, string command, string? runId, TimeProvider? clock = null)
    {
        var lockPath = LockPath(warehousePath);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(lockPath))!);
        FileStream handle;
        try
        {
            // FileShare.None is an exclusive advisory lock (flock on Unix, a share-mode lock on Windows).
            handle = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new WarehouseLockedException(warehousePath, ReadHolder(warehousePath), e);
        }

        var stale = ReadHolder(warehousePath);
        var holder = new LockHolder(Environment.ProcessId, Environment.MachineName, (clock ?? TimeProvider.System).GetUtcNow(), command, runId);
        var note = NotePath(warehousePath);
        var temporary = note + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(holder, LockHolderJson.Default.LockHolder));
        File.Move(temporary, note, overwrite: true);
        return new WarehouseLock(handle, note, holder, stale);
    }

    /// <summary>Who holds the lock of <paramref name="warehousePath"/>, or null when nobody does.</summary>
    public static LockHolder? CurrentHolder(string warehousePath)
    {
        var lockPath = LockPath(warehousePath);
        if (!File.Exists(lockPath))
        {
            return null;
        }

        try
        {
            // A shared lock: it fails while a run holds the exclusive one, and never stops a run from starting.
            using var probe = new FileStream(lockPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return null;
        }
        catch (IOException)
        {
            return ReadHolder(warehousePath) ?? LockHolder.Unknown;
        }
    }

    public void Dispose()
    {
        try
        {
            File.Delete(_notePath);
        }
        catch (IOException)
        {
            // The note is advisory: a stale one is recognised and replaced by the next holder.
        }

        // The lock file itself stays: deleting it while others may have it open would let two holders in.
        _handle.Dispose();
    }

    private static LockHolder? ReadHolder(string warehousePath)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(NotePath(warehousePath)), LockHolderJson.Default.LockHolder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}

/// <summary>The process that holds (or held) a warehouse lock.</summary>
internal sealed record LockHolder(
    [property: JsonPropertyName("pid")] int ProcessId,
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("started_at")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("run_id")] string? RunId)
{
    public static readonly LockHolder Unknown = new(0, "?", DateTimeOffset.MinValue, "?", null);

    public override string ToString() => ProcessId == 0
        ? "another process (it has not written its details yet)"
        : string.Create(CultureInfo.InvariantCulture,
            $"process {ProcessId} on {Host} ({Command}{(RunId is null ? "" : ", run " + RunId)}), since {StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");
}

[JsonSerializable(typeof(LockHolder))]
[JsonSourceGenerationOptions(WriteIndented = true)]
internal sealed partial class LockHolderJson : JsonSerializerContext;

/// <summary>Another process holds the warehouse; nothing was run.</summary>
internal sealed class WarehouseLockedException(string warehousePath, LockHolder? holder, Exception inner)
    : Exception($"The warehouse {warehousePath} is in use by {holder ?? LockHolder.Unknown}. Nothing was run; try again when it has finished.", inner)
{
    public LockHolder? Holder { get; } = holder;
}
