using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using C2C.Analytics.Pipeline.Landing;

namespace C2C.Analytics.Pipeline.Sample;

/// <summary>
/// Lands a sheet as the bodies of <c>GET /2.0/sheets/{id}?page=N&amp;pageSize=…</c>: every page repeats the sheet's
/// properties and columns, <c>totalRowCount</c> is the whole sheet's, and <c>rows</c> holds that page's rows
/// (<c>sheet-&lt;id&gt;-page-0001.json</c>, …; an empty sheet is one page with no rows). Cells come one per column, in
/// column order, keyed by <c>columnId</c>; an empty cell is <c>{"columnId": …}</c> with no value.
/// </summary>
internal sealed class SmartsheetSheetWriter(ArrayBufferWriter<byte> buffer, int pageSize, TrackerCellWriter cells)
{
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText TotalRowCount = JsonEncodedText.Encode("totalRowCount");
    private static readonly JsonEncodedText AccessLevel = JsonEncodedText.Encode("accessLevel");
    private static readonly JsonEncodedText EffectiveAttachmentOptions = JsonEncodedText.Encode("effectiveAttachmentOptions");
    private static readonly JsonEncodedText GanttEnabled = JsonEncodedText.Encode("ganttEnabled");
    private static readonly JsonEncodedText DependenciesEnabled = JsonEncodedText.Encode("dependenciesEnabled");
    private static readonly JsonEncodedText ResourceManagementEnabled = JsonEncodedText.Encode("resourceManagementEnabled");
    private static readonly JsonEncodedText CellImageUploadEnabled = JsonEncodedText.Encode("cellImageUploadEnabled");
    private static readonly JsonEncodedText UserSettings = JsonEncodedText.Encode("userSettings");
    private static readonly JsonEncodedText CriticalPathEnabled = JsonEncodedText.Encode("criticalPathEnabled");
    private static readonly JsonEncodedText DisplaySummaryTasks = JsonEncodedText.Encode("displaySummaryTasks");
    private static readonly JsonEncodedText UserPermissions = JsonEncodedText.Encode("userPermissions");
    private static readonly JsonEncodedText SummaryPermissions = JsonEncodedText.Encode("summaryPermissions");
    private static readonly JsonEncodedText HasSummaryFields = JsonEncodedText.Encode("hasSummaryFields");
    private static readonly JsonEncodedText Permalink = JsonEncodedText.Encode("permalink");
    private static readonly JsonEncodedText CreatedAt = JsonEncodedText.Encode("createdAt");
    private static readonly JsonEncodedText ModifiedAt = JsonEncodedText.Encode("modifiedAt");
    private static readonly JsonEncodedText Columns = JsonEncodedText.Encode("columns");
    private static readonly JsonEncodedText Index = JsonEncodedText.Encode("index");
    private static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText Primary = JsonEncodedText.Encode("primary");
    private static readonly JsonEncodedText Options = JsonEncodedText.Encode("options");
    private static readonly JsonEncodedText Validation = JsonEncodedText.Encode("validation");
    private static readonly JsonEncodedText Width = JsonEncodedText.Encode("width");
    private static readonly JsonEncodedText Rows = JsonEncodedText.Encode("rows");
    private static readonly JsonEncodedText RowNumber = JsonEncodedText.Encode("rowNumber");
    private static readonly JsonEncodedText SiblingId = JsonEncodedText.Encode("siblingId");
    private static readonly JsonEncodedText Expanded = JsonEncodedText.Encode("expanded");
    private static readonly JsonEncodedText Cells = JsonEncodedText.Encode("cells");

    private static readonly string[] AttachmentOptions = ["EVERNOTE", "GOOGLE_DRIVE", "EGNYTE", "FILE", "ONEDRIVE", "DROPBOX", "BOX_COM"];

    /// <summary>Lands every page of <paramref name="sheet"/>; returns how many pages.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Write(LandingBatch batch, TrackerSheet sheet)
    {
        var rows = sheet.Rows;
        var pages = Math.Max(1, (rows.Count + pageSize - 1) / pageSize);
        using var writer = new Utf8JsonWriter(buffer, SampleJson.WriterOptions);
        for (var page = 0; page < pages; page++)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            var start = page * pageSize;
            var end = Math.Min(rows.Count, start + pageSize);
            writer.WriteStartObject();
            WriteSheetProperties(writer, sheet);
            writer.WriteStartArray(Columns);
            foreach (var column in sheet.Columns)
            {
                WriteColumn(writer, column);
            }

            writer.WriteEndArray();
            writer.WriteStartArray(Rows);
            for (var i = start; i < end; i++)
            {
                WriteRow(writer, sheet, rows[i], i == 0 ? null : rows[i - 1].RowId);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();
            batch.Write($"sheet-{sheet.Id}-page-{page + 1:0000}.json", buffer.WrittenSpan, end - start);
        }

        return pages;
    }

    private static void WriteSheetProperties(Utf8JsonWriter writer, TrackerSheet sheet)
    {
        writer.WriteNumber(Id, sheet.Id);
        writer.WriteString(Name, sheet.Name);
        writer.WriteNumber(Version, sheet.Version);
        writer.WriteNumber(TotalRowCount, sheet.Rows.Count);
        writer.WriteString(AccessLevel, "OWNER");
        writer.WriteStartArray(EffectiveAttachmentOptions);
        foreach (var option in AttachmentOptions)
        {
            writer.WriteStringValue(option);
        }

        writer.WriteEndArray();
        writer.WriteBoolean(GanttEnabled, false);
        writer.WriteBoolean(DependenciesEnabled, false);
        writer.WriteBoolean(ResourceManagementEnabled, false);
        writer.WriteBoolean(CellImageUploadEnabled, true);
        writer.WriteStartObject(UserSettings);
        writer.WriteBoolean(CriticalPathEnabled, false);
        writer.WriteBoolean(DisplaySummaryTasks, true);
        writer.WriteEndObject();
        writer.WriteStartObject(UserPermissions);
        writer.WriteString(SummaryPermissions, "ADMIN");
        writer.WriteEndObject();
        writer.WriteBoolean(HasSummaryFields, false);
        writer.WriteString(Permalink, sheet.Permalink);
        SampleJson.WriteSmartsheetTimestamp(writer, CreatedAt, sheet.CreatedAt);
        SampleJson.WriteSmartsheetTimestamp(writer, ModifiedAt, sheet.ModifiedAt);
    }

    private static void WriteColumn(Utf8JsonWriter writer, SampleColumn column)
    {
        writer.WriteStartObject();
        writer.WriteNumber(Id, column.Id);
        writer.WriteNumber(Version, 0);
        writer.WriteNumber(Index, column.Index);
        writer.WriteString(Title, column.Slot.Title);
        writer.WriteString(Type, column.Type);
        if (column.Primary)
        {
            writer.WriteBoolean(Primary, true);
        }

        if (column.Options is { } options)
        {
            writer.WriteStartArray(Options);
            foreach (var option in options)
            {
                writer.WriteStringValue(option);
            }

            writer.WriteEndArray();
        }

        writer.WriteBoolean(Validation, column.Options is not null && column.Slot.Kind != SlotKind.StageStatus);
        writer.WriteNumber(Width, column.Width);
        writer.WriteEndObject();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteRow(Utf8JsonWriter writer, TrackerSheet sheet, TrackerRow row, long? siblingId)
    {
        writer.WriteStartObject();
        writer.WriteNumber(Id, row.RowId);
        writer.WriteNumber(RowNumber, row.RowNumber);
        if (siblingId is { } sibling)
        {
            writer.WriteNumber(SiblingId, sibling);
        }

        writer.WriteBoolean(Expanded, true);
        SampleJson.WriteSmartsheetTimestamp(writer, CreatedAt, row.CreatedAt);
        SampleJson.WriteSmartsheetTimestamp(writer, ModifiedAt, row.ModifiedAt);
        writer.WriteStartArray(Cells);
        foreach (var column in sheet.Columns)
        {
            cells.Write(writer, column, row);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
