using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace C2C.Analytics.Pipeline.Landing;

/// <summary>The files of one entity in one run, written one by one; <see cref="Complete"/> writes the manifest.</summary>
public sealed class LandingBatch
{
    private readonly List<LandedFile> _files = [];
    private readonly string _source;
    private readonly string _entity;
    private readonly string _runId;
    private readonly string _origin;
    private readonly WatermarkRange _watermark;
    private readonly TimeProvider _clock;
    private bool _completed;

    internal LandingBatch(string folder, string source, string entity, string runId, string origin, WatermarkRange watermark, TimeProvider clock)
    {
        Folder = folder;
        _source = source;
        _entity = entity;
        _runId = runId;
        _origin = origin;
        _watermark = watermark;
        _clock = clock;
    }

    public string Folder { get; }

    public IReadOnlyList<LandedFile> Files => _files;

    /// <summary>Lands one page exactly as given; <paramref name="records"/> is how many source records it holds.</summary>
    public LandedFile Write(string name, ReadOnlySpan<byte> content, long records)
    {
        using var stream = Create(name);
        stream.Write(content);
        return Add(name, content.Length, SHA256.HashData(content), records);
    }

    /// <summary>Lands one page by copying a stream (a response body), hashing as it goes.</summary>
    public Task<LandedFile> WriteAsync(string name, Stream content, long records, CancellationToken cancellationToken = default) =>
        WriteAsync(name, content, () => records, cancellationToken);

    /// <summary>
    /// Lands one page by copying a stream, when how many records it holds is known only once it has been read (a
    /// response parsed as it is copied): <paramref name="records"/> is asked after the copy.
    /// </summary>
    public async Task<LandedFile> WriteAsync(string name, Stream content, Func<long> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(records);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var stream = Create(name);
        // Large reads: a response body arrives faster than small copies can move it.
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 18);
        try
        {
            long total = 0;
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                total += read;
            }

            return Add(name, total, hash.GetHashAndReset(), records());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Includes a file an earlier run of the same source and entity landed (its manifest entry, from that run's
    /// manifest or from one that already included it), counting <paramref name="records"/> of its records in this run.
    /// </summary>
    public LandedFile Include(string landingRunId, LandedFile file, long records)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (_completed)
        {
            throw new InvalidOperationException("This landing batch is complete; no more files can be added.");
        }

        if (landingRunId == _runId)
        {
            throw new ArgumentException("A file of this run is added with Write, not included.", nameof(landingRunId));
        }

        var included = file with { Records = records, LandingRunId = LandingArea.CheckName(landingRunId) };
        _files.Add(included);
        return included;
    }

    /// <summary>
    /// Takes back a file this batch wrote (a response that turned out not to belong to the data set, or one cut off
    /// while it was being copied): it leaves the manifest-to-be and the folder. Landed files, those a completed
    /// manifest lists, are never touched.
    /// </summary>
    public void Discard(string name)
    {
        if (_completed)
        {
            throw new InvalidOperationException("This landing batch is complete; its files can no longer be discarded.");
        }

        _files.RemoveAll(f => f.LandingRunId is null && f.Name == name);
        File.Delete(Path.Combine(Folder, LandingArea.CheckName(name)));
    }

    /// <summary>
    /// Writes the manifest (atomically: a reader sees none or all of it) and returns it. <paramref name="watermark"/>
    /// replaces the range given at the start, for an extract that learns where it ended only by reading.
    /// </summary>
    public LandingManifest Complete(WatermarkRange? watermark = null)
    {
        if (_completed)
        {
            throw new InvalidOperationException("This landing batch is already complete.");
        }

        _completed = true;
        var manifest = new LandingManifest(_source, _entity, _runId, _origin, _clock.GetUtcNow(), watermark ?? _watermark, _files.ToList());
        var path = Path.Combine(Folder, LandingManifest.FileName);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(manifest, LandingArea.ManifestJson));
        File.Move(temporary, path);
        return manifest;
    }

    private FileStream Create(string name)
    {
        if (_completed)
        {
            throw new InvalidOperationException("This landing batch is complete; no more files can be added.");
        }

        if (name == LandingManifest.FileName)
        {
            throw new ArgumentException($"'{name}' is reserved for the manifest.", nameof(name));
        }

        // CreateNew: a landed file is never overwritten, whatever happens.
        return new FileStream(Path.Combine(Folder, LandingArea.CheckName(name)), FileMode.CreateNew, FileAccess.Write, FileShare.None);
    }

    private LandedFile Add(string name, long bytes, byte[] hash, long records)
    {
        var file = new LandedFile(name, bytes, Convert.ToHexStringLower(hash), records);
        _files.Add(file);
        return file;
    }
}
