using System.Globalization;

namespace C2C.Analytics.Pipeline.Report.Html;

/// <summary>How numbers, money and dates read on the dashboard (invariant culture: the same on every machine).</summary>
public static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Whole units with thousands separators and the currency's symbol where it has a common one: "$3,203,506", "CHF 1,200".</summary>
    public static string Money(decimal amount, string currency)
    {
        var whole = Math.Round(amount, 0, MidpointRounding.AwayFromZero).ToString("#,##0", Invariant);
        var symbol = Symbol(currency);
        return symbol is null ? $"{currency} {whole}" : (amount < 0 ? "-" + symbol + whole.TrimStart('-') : symbol + whole);
    }

    /// <summary>Short money for chart labels: "$3.2M", "$640K", "$950".</summary>
    public static string MoneyShort(decimal amount, string currency)
    {
        var prefix = Symbol(currency) ?? currency + " ";
        var abs = Math.Abs(amount);
        var text = abs >= 1_000_000_000m ? (abs / 1_000_000_000m).ToString("0.#", Invariant) + "B"
            : abs >= 1_000_000m ? (abs / 1_000_000m).ToString("0.#", Invariant) + "M"
            : abs >= 1_000m ? (abs / 1_000m).ToString("0.#", Invariant) + "K"
            : abs.ToString("0", Invariant);
        return (amount < 0 ? "-" : "") + prefix + text;
    }

    /// <summary>An amount in its own currency, two decimals: "EUR 7,900,846.00".</summary>
    public static string Amount(decimal amount, string? currency) =>
        $"{currency ?? "(no currency)"} {amount.ToString("#,##0.00", Invariant)}";

    public static string Count(long value) => value.ToString("#,##0", Invariant);

    /// <summary>A percentage as the marts round it (one decimal): "76.5%"; a dash when there is none.</summary>
    public static string Percent(double? value) => value is { } v ? v.ToString("0.0", Invariant) + "%" : "–";

    /// <summary>A day count with at most one decimal: "116", "48.7"; a dash when there is none.</summary>
    public static string Days(double? value) => value is { } v ? v.ToString("0.#", Invariant) : "–";

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", Invariant) ?? "";

    public static string Month(DateOnly month) => month.ToString("MMM yyyy", Invariant);

    /// <summary>A number as a machine reads it (data attributes, sort keys): invariant, no separators.</summary>
    public static string Raw(decimal value) => value.ToString(Invariant);

    public static string Raw(double value) => value.ToString("R", Invariant);

    public static string Raw(long value) => value.ToString(Invariant);

    private static string? Symbol(string currency) => currency switch
    {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "JPY" => "¥",
        _ => null,
    };
}
