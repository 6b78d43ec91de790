using System.Text;
using System.Text.Json;
using C2C.Analytics.Pipeline.Sources.Smartsheet;

namespace C2C.Analytics.Pipeline.Tests.Sources.Smartsheet;

/// <summary>The scanner reads Smartsheet's documented GET /sheets/{id} body however the network cuts it into chunks.</summary>
public sealed class SheetPageScannerTests
{
    private static readonly byte[] GetSheet = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Sample", "Fixtures", "get_sheet.json"));

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void The_documented_sheet_body_gives_its_id_version_row_count_columns_and_row_ids_in_any_chunking(int chunk)
    {
        var scanner = new SheetPageScanner();
        for (var offset = 0; offset < GetSheet.Length; offset += chunk)
        {
            scanner.Append(GetSheet.AsSpan(offset, Math.Min(chunk, GetSheet.Length - offset)));
        }

        scanner.Complete();

        // From the reference file: sheet 4583173393803140 "Contract-to-Cash Tracker", version 42, 3 rows, 9 columns.
        Assert.Equal((4583173393803140L, "Contract-to-Cash Tracker", 42L, 3L), (scanner.Id!.Value, scanner.Name, scanner.Version!.Value, scanner.TotalRowCount!.Value));
        Assert.Equal([2000000000000001L, 2000000000000002L, 2000000000000003L], scanner.RowIds);
        Assert.Equal(9, scanner.Columns.Count);
        Assert.Equal(new SheetColumn(1000000000000003, "Status"), scanner.Columns[2]);
        Assert.False(scanner.IsVersionOnly);
    }

    [Fact]
    public void The_answer_to_an_unchanged_ifVersionAfter_is_a_version_alone()
    {
        var scanner = new SheetPageScanner();
        scanner.Append("""{ "version": 42 }"""u8);
        scanner.Complete();

        Assert.True(scanner.IsVersionOnly);
        Assert.Equal(42, scanner.Version);
    }

    [Fact]
    public void A_body_cut_off_before_its_end_is_an_error()
    {
        var scanner = new SheetPageScanner();
        scanner.Append(GetSheet.AsSpan(0, GetSheet.Length / 2));

        Assert.ThrowsAny<JsonException>(scanner.Complete);
    }

    [Fact]
    public void A_cell_longer_than_the_buffer_is_read_whole()
    {
        var text = new string('x', 200_000);
        var scanner = new SheetPageScanner();
        scanner.Append(Encoding.UTF8.GetBytes($$"""{"id": 1, "version": 2, "columns": [], "rows": [{"id": 5, "cells": [{"columnId": 1, "value": "{{text}}"}]}]}"""));
        scanner.Complete();

        Assert.Equal([5L], scanner.RowIds);
    }
}
