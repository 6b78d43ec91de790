using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace C2C.Analytics.Pipeline.Tests.Sources.TrackerFiles.Support;

/// <summary>
/// Writes a minimal XLSX workbook by hand (the Open XML parts in a zip), independent of the library that reads it:
/// text as shared strings, numbers, booleans, and dates as serial numbers with a built-in date format (numFmtId 14),
/// as Excel stores them. Rows are written at the row numbers given, so blank rows can be left between them.
/// </summary>
public static class XlsxWriter
{
    public static byte[] Write(string worksheetName, IEnumerable<(int RowNumber, object?[] Cells)> rows, string? firstWorksheet = null)
    {
        var strings = new List<string>();
        var sheetXml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        foreach (var (rowNumber, cells) in rows)
        {
            sheetXml.Append(CultureInfo.InvariantCulture, $"<row r=\"{rowNumber}\">");
            for (var i = 0; i < cells.Length; i++)
            {
                var reference = Column(i) + rowNumber.ToString(CultureInfo.InvariantCulture);
                switch (cells[i])
                {
                    case null:
                        break;
                    case string text:
                        strings.Add(text);
                        sheetXml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"s\"><v>{strings.Count - 1}</v></c>");
                        break;
                    case bool flag:
                        sheetXml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"b\"><v>{(flag ? 1 : 0)}</v></c>");
                        break;
                    case DateOnly date:
                        // Excel's serial day: days since 1899-12-30.
                        var serial = date.DayNumber - new DateOnly(1899, 12, 30).DayNumber;
                        sheetXml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" s=\"1\"><v>{serial}</v></c>");
                        break;
                    case IFormattable number:
                        sheetXml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{number.ToString(null, CultureInfo.InvariantCulture)}</v></c>");
                        break;
                }
            }

            sheetXml.Append("</row>");
        }

        sheetXml.Append("</sheetData></worksheet>");
        var sharedStrings = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{strings.Count}" uniqueCount="{strings.Count}">""");
        foreach (var text in strings)
        {
            sharedStrings.Append("<si><t xml:space=\"preserve\">").Append(SecurityElement.Escape(text)).Append("</t></si>");
        }

        sharedStrings.Append("</sst>");

        // An optional empty worksheet before the tracker's, to check that the configured one is picked.
        var sheets = firstWorksheet is null ? [(worksheetName, sheetXml.ToString())]
            : new[] { (firstWorksheet, """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>"""), (worksheetName, sheetXml.ToString()) };

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"""
                + string.Concat(sheets.Select((_, i) => $"""<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""")) + "</Types>");
            Entry(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Entry(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"""
                + string.Concat(sheets.Select((s, i) => $"""<sheet name="{SecurityElement.Escape(s.Item1)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>""")) + "</sheets></workbook>");
            Entry(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
                + string.Concat(sheets.Select((_, i) => $"""<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>"""))
                + """<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
            Entry(zip, "xl/styles.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>""");
            Entry(zip, "xl/sharedStrings.xml", sharedStrings.ToString());
            for (var i = 0; i < sheets.Length; i++)
            {
                Entry(zip, $"xl/worksheets/sheet{i + 1}.xml", sheets[i].Item2);
            }
        }

        return output.ToArray();
    }

    private static string Column(int index) => index < 26
        ? ((char)('A' + index)).ToString()
        : Column((index / 26) - 1) + (char)('A' + (index % 26));

    private static void Entry(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
