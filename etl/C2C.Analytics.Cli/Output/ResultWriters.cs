namespace C2C.Analytics.Cli.Output;

internal static class ResultWriters
{
    public static IResultWriter Create(OutputFormat format, CliEnvironment environment) => format switch
    {
        OutputFormat.Csv => new CsvResultWriter(environment.Out),
        OutputFormat.Json => new JsonLinesResultWriter(environment.Out),
        _ => new TableResultWriter(environment.Out, styled: environment.OutputIsTerminal, width: environment.TerminalWidth),
    };
}
