namespace C2C.Analytics.Cli.Output;

internal enum OutputFormat
{
    Table,
    Csv,
    Json,
}
