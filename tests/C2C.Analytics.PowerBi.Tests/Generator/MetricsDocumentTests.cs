using C2C.Analytics.Pipeline.PowerBi;

namespace C2C.Analytics.PowerBi.Tests.Generator;

/// <summary>Descriptions read out of a METRICS.md-shaped document.</summary>
public sealed class MetricsDocumentTests
{
    private const string Document = """
        # Metrics

        ## fct_engagement_stage

        ### Columns

        | column | definition | edge cases |
        | --- | --- | --- |
        | `status` | `complete` \| `open` \| `waiting` | `waiting`: a prerequisite is **not** done |
        | `stage_key`, `stage_order` | the stage (`dim_stage`) | |
        | not a column | ignored | |

        ## Other tables

        | table | model | grain and notes |
        | --- | --- | --- |
        | `dim_date` | built by the calendar step | one calendar day: `date_key`, ISO week |

        | mart | grain | metrics |
        | --- | --- | --- |
        | `mart_bottleneck` | one stage | [hotspots](x.md): open stages |
        """;

    [Fact]
    public void A_column_table_under_a_table_heading_describes_its_columns_without_Markdown()
    {
        var metrics = MetricsDocument.Parse(Document);

        Assert.Equal("complete | open | waiting. Edge cases: waiting: a prerequisite is not done", metrics.ColumnDescription("fct_engagement_stage", "status"));
        Assert.Equal("the stage (dim_stage)", metrics.ColumnDescription("fct_engagement_stage", "stage_key"));
        Assert.Equal("the stage (dim_stage)", metrics.ColumnDescription("fct_engagement_stage", "stage_order"));
        Assert.Null(metrics.ColumnDescription("fct_engagement_stage", "deal_id"));
        Assert.Null(metrics.ColumnDescription("dim_date", "status"));
    }

    [Fact]
    public void A_table_or_mart_row_describes_its_table_without_the_model_file()
    {
        var metrics = MetricsDocument.Parse(Document);

        Assert.Equal("one calendar day: date_key, ISO week", metrics.TableDescription("dim_date"));
        Assert.Equal("one stage. hotspots: open stages", metrics.TableDescription("mart_bottleneck"));
        Assert.Null(metrics.TableDescription("fct_engagement_stage"));
    }
}
