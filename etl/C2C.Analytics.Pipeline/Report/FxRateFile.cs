using System.Globalization;
using System.Text.RegularExpressions;

namespace C2C.Analytics.Pipeline.Report;

/// <summary>
/// Reads a CSV of dated exchange rates: a header naming the columns <c>date</c> (yyyy-MM-dd), <c>currency</c> (ISO
/// 4217) and <c>rate</c> (units of the reporting currency per unit of the currency, a positive number with a point
/// as decimal separator), in any order; then one rate per line. Empty lines and lines starting with <c>#</c> are
/// skipped. A rate for the reporting currency itself must be 1. Every problem is reported with its line and field.
/// </summary>
public static partial class FxRateFile
{
    public static IReadOnlyList<FxRate> Read(string path, string reportingCurrency)
    {
        if (!File.Exists(path))
        {
            throw new FxRateFileException(path, [new FxRateFileError(0, null, "the file does not exist")]);
        }

        return Parse(path, File.ReadAllLines(path), reportingCurrency);
    }

    public static IReadOnlyList<FxRate> Parse(string path, IReadOnlyList<string> lines, string reportingCurrency)
    {
        var errors = new List<FxRateFileError>();
        var rates = new List<FxRate>();
        var seen = new Dictionary<(string, DateOnly), int>();
        int[]? columns = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split(',').Select(f => f.Trim().Trim('"').Trim()).ToArray();
            if (columns is null)
            {
                columns = Header(fields, i + 1, errors);
                if (columns is null)
                {
                    break;
                }

                continue;
            }

            if (Row(fields, columns, i + 1, reportingCurrency, errors) is { } rate)
            {
                if (seen.TryGetValue((rate.Currency, rate.Date), out var first))
                {
                    errors.Add(new FxRateFileError(i + 1, "date", $"{rate.Currency} already has a rate for {rate.Date:yyyy-MM-dd} on line {first}"));
                }
                else
                {
                    seen.Add((rate.Currency, rate.Date), i + 1);
                    if (rate.Currency != reportingCurrency)
                    {
                        rates.Add(rate);
                    }
                }
            }
        }

        if (columns is null && errors.Count == 0)
        {
            errors.Add(new FxRateFileError(0, null, "the file is empty: expected a header line date,currency,rate"));
        }

        return errors.Count > 0 ? throw new FxRateFileException(path, errors) : rates;
    }

    private static int[]? Header(string[] fields, int line, List<FxRateFileError> errors)
    {
        var names = fields.Select(f => f.ToLowerInvariant()).ToList();
        var columns = new[] { names.IndexOf("date"), names.IndexOf("currency"), names.IndexOf("rate") };
        if (columns.Any(c => c < 0))
        {
            errors.Add(new FxRateFileError(line, null, $"the header must name the columns date, currency and rate (found: {string.Join(",", fields)})"));
            return null;
        }

        return columns;
    }

    private static FxRate? Row(string[] fields, int[] columns, int line, string reportingCurrency, List<FxRateFileError> errors)
    {
        if (fields.Length <= columns.Max())
        {
            errors.Add(new FxRateFileError(line, null, $"expected {columns.Max() + 1} fields, found {fields.Length}"));
            return null;
        }

        var count = errors.Count;
        var dateText = fields[columns[0]];
        var currency = fields[columns[1]].ToUpperInvariant();
        var rateText = fields[columns[2]];
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new FxRateFileError(line, "date", $"'{dateText}' is not a date (yyyy-MM-dd)"));
        }

        if (!CurrencyCode().IsMatch(currency))
        {
            errors.Add(new FxRateFileError(line, "currency", $"'{fields[columns[1]]}' is not a three-letter currency code"));
        }

        if (!decimal.TryParse(rateText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) || rate <= 0)
        {
            errors.Add(new FxRateFileError(line, "rate", $"'{rateText}' is not a positive number"));
        }
        else if (currency == reportingCurrency && rate != 1m)
        {
            errors.Add(new FxRateFileError(line, "rate", $"{currency} is the reporting currency: its rate must be 1, not {rateText}"));
        }

        return errors.Count == count ? new FxRate(date, currency, rate) : null;
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
