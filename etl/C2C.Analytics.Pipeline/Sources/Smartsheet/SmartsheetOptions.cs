namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

/// <summary>
/// Configuration section <c>Smartsheet</c>: which sheets make up the tracker and how to read them. The access token
/// comes only from user secrets or the environment (<c>C2C__Smartsheet__AccessToken</c>), never from a file in the
/// repository; it is sent as a bearer token and never written to a log or an exception message.
/// </summary>
public sealed class SmartsheetOptions : ApiSourceOptions
{
    public const string SectionName = "Smartsheet";

    /// <summary>Smartsheet (US), the default.</summary>
    public const string UsBaseUrl = "https://api.smartsheet.com/2.0";

    /// <summary>Smartsheet Regions Europe (its own tokens).</summary>
    public const string EuBaseUrl = "https://api.smartsheet.eu/2.0";

    /// <summary>Smartsheet Gov (its own tokens).</summary>
    public const string GovBaseUrl = "https://api.smartsheetgov.com/2.0";

    public string BaseUrl { get; set; } = UsBaseUrl;

    public string? AccessToken { get; set; }

    /// <summary>Sheets read by ID: each must have every configured column, or the run fails naming sheet and column.</summary>
    public List<long> SheetIds { get; set; } = [];

    /// <summary>Workspaces whose sheets (in every folder, at any depth) are read when their columns match the template.</summary>
    public List<long> WorkspaceIds { get; set; } = [];

    /// <summary>Folders whose sheets (and sub-folders') are read when their columns match the template.</summary>
    public List<long> FolderIds { get; set; } = [];

    /// <summary>Rows per <c>GET /sheets/{id}</c> page on a full read.</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>A sheet read incrementally is read in full again after this many days (deleted rows show only then).</summary>
    public int FullReadIntervalDays { get; set; } = 7;

    /// <summary>How far before the previous read <c>rowsModifiedSince</c> starts, for clock differences.</summary>
    public int ModifiedSinceOverlapMinutes { get; set; } = 5;

    /// <summary>Smartsheet allows 300 requests a minute per token; the client never sends more than this.</summary>
    public int RequestsPerMinute { get; set; } = 300;

    protected override string Section => SectionName;

    public bool IsConfigured => SheetIds.Count > 0 || WorkspaceIds.Count > 0 || FolderIds.Count > 0;

    /// <summary>Every problem at once; the token is only checked for presence.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(AccessToken))
        {
            problems.Add("Smartsheet:AccessToken is not set: put the API token in user secrets or in the environment variable C2C__Smartsheet__AccessToken.");
        }

        if (!IsHttps(BaseUrl))
        {
            problems.Add($"Smartsheet:BaseUrl '{BaseUrl}' is not an https URL (for example {UsBaseUrl}, {EuBaseUrl} or {GovBaseUrl}).");
        }

        foreach (var (name, ids) in new[] { ("SheetIds", SheetIds), ("WorkspaceIds", WorkspaceIds), ("FolderIds", FolderIds) })
        {
            if (ids.Any(id => id <= 0))
            {
                problems.Add($"Smartsheet:{name} holds an ID that is not a positive number.");
            }
        }

        Check(problems, PageSize is >= 1 and <= 10000, "PageSize must be between 1 and 10000.");
        Check(problems, FullReadIntervalDays >= 0, "FullReadIntervalDays must be zero (always read in full) or more.");
        Check(problems, ModifiedSinceOverlapMinutes >= 0, "ModifiedSinceOverlapMinutes must be zero or more.");
        Check(problems, RequestsPerMinute is >= 1 and <= 300, "RequestsPerMinute must be between 1 and 300 (Smartsheet's limit per token).");
        CheckRetries(problems);
        return problems;
    }

    /// <exception cref="SmartsheetConfigurationException">Something is missing or out of range.</exception>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new SmartsheetConfigurationException(problems);
        }
    }
}
