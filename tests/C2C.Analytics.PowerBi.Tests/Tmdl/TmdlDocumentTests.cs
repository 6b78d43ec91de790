using C2C.Analytics.PowerBi.Tests.Support;

namespace C2C.Analytics.PowerBi.Tests.Tmdl;

/// <summary>
/// The TMDL reader against the language's rules: the project's files pass, and each kind of mistake a hand edit makes
/// (spaces for tabs, a skipped level, a comment, a loose description, an unquoted name with a space) is reported with
/// its line.
/// </summary>
public sealed class TmdlDocumentTests
{
    private const string GoodTable = """
        /// Stages of the lifecycle.
        table 'Stage Fact'

        	/// The stage's key.
        	column stage_key
        		dataType: string
        		isHidden
        		sourceColumn: stage_key

        	measure 'Open stages' =
        			CALCULATE (
        				COUNTROWS ( 'Stage Fact' ),
        				'Stage Fact'[status] = "open"
        			)
        		formatString: #,0

        	partition 'Stage Fact' = m
        		mode: import
        		source =
        				let
        				    Source = #table(type table [stage_key = text], {})
        				in
        				    Source

        	annotation PBI_ResultType = Table
        """;

    [Fact]
    public void The_project_s_TMDL_files_follow_the_syntax_rules()
    {
        var model = SemanticModelFiles.Load(Repository.Definition);

        Assert.NotEmpty(model.Tables);
        Assert.Empty(model.Errors);
    }

    [Fact]
    public void A_well_formed_table_reads_into_its_objects_and_expressions()
    {
        var document = TmdlDocument.Parse("t.tmdl", GoodTable);

        Assert.Empty(document.Errors);
        var table = Assert.Single(document.Roots);
        Assert.Equal("Stage Fact", table.Name);
        Assert.Equal("Stages of the lifecycle.", table.Description);
        var column = Assert.Single(table.ChildrenOf("column"));
        Assert.True(column.Flag("isHidden"));
        Assert.Equal("The stage's key.", column.Description);
        var measure = Assert.Single(table.ChildrenOf("measure"));
        Assert.Equal("Open stages", measure.Name);
        Assert.Equal("CALCULATE (\n\tCOUNTROWS ( 'Stage Fact' ),\n\t'Stage Fact'[status] = \"open\"\n)", measure.Expression);
        Assert.Equal("#,0", measure.Properties["formatString"]);
        var partition = Assert.Single(table.ChildrenOf("partition"));
        Assert.Equal("m", partition.Expression);
        Assert.StartsWith("let\n    Source = #table", partition.ExpressionProperties["source"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\tcolumn stage_key", "    column stage_key", 5, "tabs only")]
    [InlineData("\t\tdataType: string", "\t\t\tdataType: string", 6, "3 tab(s) where 2 belong")]
    [InlineData("\t\tisHidden", "\t\t// hidden because it is a key", 7, "// comments are not TMDL")]
    [InlineData("\t/// The stage's key.\n", "\t/// The stage's key.\n\n", 4, "directly above its object")]
    [InlineData("table 'Stage Fact'", "table Stage Fact", 2, "must be quoted")]
    [InlineData("\tmeasure 'Open stages' =", "\tmeasure Open.stages =", 10, "must be quoted")]
    [InlineData("\t\t\t\tCOUNTROWS ( 'Stage Fact' ),", "\tCOUNTROWS ( 'Stage Fact' ),", 12, "cannot read 'COUNTROWS")]
    public void A_breach_of_the_rules_is_reported_with_its_line(string good, string bad, int line, string message)
    {
        Assert.Contains(good, GoodTable, StringComparison.Ordinal);
        var document = TmdlDocument.Parse("t.tmdl", GoodTable.Replace(good, bad, StringComparison.Ordinal));

        Assert.Contains(document.Errors, e => e.StartsWith($"t.tmdl:{line}:", StringComparison.Ordinal) && e.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_property_set_twice_and_an_empty_expression_are_errors()
    {
        var document = TmdlDocument.Parse("t.tmdl", "table T\n\tmeasure m =\n\tcolumn c\n\t\tdataType: string\n\t\tdataType: int64\n");

        Assert.Contains(document.Errors, e => e.StartsWith("t.tmdl:2:", StringComparison.Ordinal) && e.Contains("empty", StringComparison.Ordinal));
        Assert.Contains(document.Errors, e => e.StartsWith("t.tmdl:5:", StringComparison.Ordinal) && e.Contains("set twice", StringComparison.Ordinal));
    }
}
