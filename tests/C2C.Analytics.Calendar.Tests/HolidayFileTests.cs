namespace C2C.Analytics.Calendar.Tests;

public class HolidayFileTests
{
    private const string Path = "config/holidays.csv";

    [Fact]
    public void Parses_adds_and_removes_with_comments_blank_lines_and_quoted_names()
    {
        var file = Parse("""
            date,name,action
            # year-end shutdown
            2026-12-28,"Shutdown, day 1",add

            2026-12-29,Shutdown day 2,
            2026-10-12,Columbus Day (we work),REMOVE
            """);

        Assert.Equal(
            new HolidayFileEntry[]
            {
                new(3, new DateOnly(2026, 12, 28), "Shutdown, day 1", HolidayFileAction.Add),
                new(5, new DateOnly(2026, 12, 29), "Shutdown day 2", HolidayFileAction.Add),
                new(6, new DateOnly(2026, 10, 12), "Columbus Day (we work)", HolidayFileAction.Remove),
            },
            file.Entries);
    }

    [Fact]
    public void The_action_column_is_optional_and_columns_may_come_in_any_order()
    {
        var twoColumns = Parse("date,name\n2026-11-27,Day after Thanksgiving\n");
        Assert.Equal(HolidayFileAction.Add, Assert.Single(twoColumns.Entries).Action);

        var reordered = Parse("Name , Date\n\"Say \"\"cheese\"\"\",2026-11-27\n");
        Assert.Equal(new HolidayFileEntry(2, new DateOnly(2026, 11, 27), "Say \"cheese\"", HolidayFileAction.Add), Assert.Single(reordered.Entries));
    }

    [Fact]
    public void A_header_only_file_has_no_entries() => Assert.Empty(Parse("date,name,action\n").Entries);

    [Fact]
    public void Every_bad_row_is_reported_with_file_line_and_reason_in_one_exception()
    {
        var ex = Assert.Throws<HolidayFileException>(() => Parse("""
            date,name,action
            2026-12-24,Christmas Eve
            12/31/2026,New Year's Eve
            2026-02-30,Not a day
            2026-07-02,
            2026-07-06,Bridge day,maybe
            2026-12-24,Christmas Eve,remove
            ,No date
            2026-08-03,Too,many,columns
            1899-12-29,Too early
            2026-09-01,"unterminated
            """));

        Assert.Equal(Path, ex.FilePath);
        Assert.Equal(
            new HolidayFileError[]
            {
                new(3, "unparseable date '12/31/2026' (expected yyyy-MM-dd, e.g. 2026-12-24)"),
                new(4, "unparseable date '2026-02-30' (expected yyyy-MM-dd, e.g. 2026-12-24)"),
                new(5, "missing name"),
                new(6, "unknown action 'maybe' (expected add or remove)"),
                new(7, "date 2026-12-24 is removed here but added on line 2; a date is either added or removed"),
                new(8, "missing date"),
                new(9, "4 columns, but the header has 3"),
                new(10, "date 1899-12-29 is before 1900-01-01, the first date the calendar supports"),
                new(11, "a quoted field is not closed (a field that starts with \" must end with \")"),
            },
            ex.Errors);
        Assert.Contains("config/holidays.csv:3: unparseable date '12/31/2026'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("config/holidays.csv:11: a quoted field is not closed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("9 problems; the calendar was not built", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_row_can_have_several_problems()
    {
        var ex = Assert.Throws<HolidayFileException>(() => Parse("date,name,action\nsoon,,later\n"));
        Assert.Equal(
            new HolidayFileError[] { new(2, "unparseable date 'soon' (expected yyyy-MM-dd, e.g. 2026-12-24)"), new(2, "missing name"), new(2, "unknown action 'later' (expected add or remove)") },
            ex.Errors);
    }

    [Fact]
    public void A_date_added_twice_is_not_a_conflict()
    {
        var file = Parse("date,name\n2026-12-24,Christmas Eve\n2026-12-24,Office closed\n");
        Assert.Equal(2, file.Entries.Count);
    }

    [Theory]
    [InlineData("day,name\n", 1, "unknown column 'day' in the header; the columns are date, name and (optional) action")]
    [InlineData("# comment\n\ndate\n", 3, "the header must name the columns 'date' and 'name' (and optionally 'action'), e.g. 'date,name,action'")]
    [InlineData("date,name,date\n", 1, "column 'date' appears twice in the header")]
    [InlineData("", 1, "the file has no header row; the first row must be 'date,name' or 'date,name,action'")]
    [InlineData("2026-12-24,Christmas Eve\n", 1, "unknown column '2026-12-24' in the header; the columns are date, name and (optional) action")]
    public void A_bad_or_missing_header_is_reported_on_its_line(string text, int line, string reason)
    {
        var ex = Assert.Throws<HolidayFileException>(() => Parse(text));
        Assert.Equal(new HolidayFileError(line, reason), Assert.Single(ex.Errors));
    }

    [Fact]
    public void Load_reads_a_UTF8_file_with_a_byte_order_mark()
    {
        var path = System.IO.Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "date,name\n2026-11-27,Day after Thanksgiving\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            var file = HolidayFile.Load(path);
            Assert.Equal(path, file.Path);
            Assert.Equal(new DateOnly(2026, 11, 27), Assert.Single(file.Entries).Date);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_reports_a_missing_file()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"no-such-holidays-{Guid.NewGuid():N}.csv");
        var ex = Assert.Throws<HolidayFileException>(() => HolidayFile.Load(path));
        Assert.Equal(new HolidayFileError(0, "the file does not exist"), Assert.Single(ex.Errors));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_records_the_sha256_of_the_files_bytes_a_byte_order_mark_included()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"holidays-{Guid.NewGuid():N}.csv");
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("date,name\n2026-11-27,Day after Thanksgiving\n")];
        File.WriteAllBytes(path, bytes);
        try
        {
            var file = HolidayFile.Load(path);

            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), file.Sha256);
            Assert.Equal("Day after Thanksgiving", Assert.Single(file.Entries).Name);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Text_parsed_from_a_reader_has_no_sha256() => Assert.Null(Parse("date,name\n2026-11-27,Day after\n").Sha256);

    private static HolidayFile Parse(string text) => HolidayFile.Parse(new StringReader(text), Path);
}
