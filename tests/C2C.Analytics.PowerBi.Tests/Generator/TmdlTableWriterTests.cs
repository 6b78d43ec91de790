using C2C.Analytics.Pipeline.PowerBi;

namespace C2C.Analytics.PowerBi.Tests.Generator;

/// <summary>One small table written as TMDL, compared with the text written out by hand from the TMDL reference.</summary>
public sealed class TmdlTableWriterTests
{
    [Fact]
    public void A_table_is_written_with_tabs_its_columns_properties_and_a_partition_over_the_parameters()
    {
        var warehouse = new WarehouseTable("dim_thing", [
            new WarehouseColumn("thing_id", "VARCHAR"),
            new WarehouseColumn("thing_name", "VARCHAR"),
            new WarehouseColumn("thing_name_order", "INTEGER"),
            new WarehouseColumn("made_on", "DATE"),
            new WarehouseColumn("tags", "VARCHAR[]"),
            new WarehouseColumn("is_current", "BOOLEAN"),
        ]);
        var metrics = MetricsDocument.Parse("## dim_thing\n\n| column | definition |\n| --- | --- |\n| `thing_name` | what it's called |\n");
        var skipped = new List<string>();

        var text = TmdlTableWriter.Write(ModelTable.From(warehouse, "One thing.", metrics, skipped));

        Assert.Equal(["dim_thing.tags (VARCHAR[])"], skipped);
        Assert.Equal("""
            /// One thing.
            table dim_thing

            	column thing_id
            		dataType: string
            		isHidden
            		summarizeBy: none
            		sourceColumn: thing_id

            	/// what it's called
            	column thing_name
            		dataType: string
            		summarizeBy: none
            		sourceColumn: thing_name
            		sortByColumn: thing_name_order

            	column thing_name_order
            		dataType: int64
            		isHidden
            		formatString: 0
            		summarizeBy: none
            		sourceColumn: thing_name_order

            	column made_on
            		dataType: dateTime
            		formatString: yyyy-mm-dd
            		displayFolder: Dates
            		summarizeBy: none
            		sourceColumn: made_on

            		annotation UnderlyingDateTimeDataType = Date

            	column is_current
            		dataType: boolean
            		displayFolder: Flags
            		summarizeBy: none
            		sourceColumn: is_current

            	partition dim_thing = m
            		mode: import
            		source =
            				let
            				    ColumnTypes = {
            				        {"thing_id", type text},
            				        {"thing_name", type text},
            				        {"thing_name_order", Int64.Type},
            				        {"made_on", type date},
            				        {"is_current", type logical}
            				    },
            				    Source =
            				        if DataSource = "SqlServer" then
            				            Sql.Database(SqlServer, SqlDatabase){[Schema = SqlSchema, Item = "dim_thing"]}[Data]
            				        else
            				            Parquet.Document(File.Contents(ParquetFolder & "\dim_thing.parquet")),
            				    Columns = Table.SelectColumns(Source, List.Transform(ColumnTypes, each _{0})),
            				    Typed = Table.TransformColumnTypes(Columns, ColumnTypes),
            				    CurrentRows = Table.SelectRows(Typed, each [is_current] = true)
            				in
            				    CurrentRows

            	annotation PBI_ResultType = Table

            	annotation c2c_generated = written by c2c powerbi from the warehouse catalog: change the warehouse model, then run c2c powerbi

            """, text);
    }

    [Fact]
    public void The_date_table_is_marked_with_its_date_column_as_key()
    {
        var warehouse = new WarehouseTable("dim_date", [new WarehouseColumn("date_key", "INTEGER"), new WarehouseColumn("date", "DATE")]);

        var table = ModelTable.From(warehouse, null, MetricsDocument.Empty, []);
        var text = TmdlTableWriter.Write(table);

        Assert.True(table.IsDateTable);
        Assert.StartsWith("table dim_date\n\tdataCategory: Time\n", text, StringComparison.Ordinal);
        Assert.Contains("\tcolumn date\n\t\tdataType: dateTime\n\t\tisKey\n", text, StringComparison.Ordinal);
        Assert.False(table.CurrentRowsOnly);
    }

    [Theory]
    [InlineData("fct_engagement_stage", "fct_engagement_stage")]
    [InlineData("Team lead", "'Team lead'")]
    [InlineData("a.b", "'a.b'")]
    [InlineData("Bob's", "'Bob''s'")]
    [InlineData("x=y", "'x=y'")]
    public void Names_are_quoted_only_where_TMDL_needs_it(string name, string written) => Assert.Equal(written, TmdlName.Quote(name));
}
