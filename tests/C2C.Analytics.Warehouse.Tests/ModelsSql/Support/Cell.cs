using System.Text.Json.Nodes;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

/// <summary>
/// A Smartsheet cell with more than a value. <see cref="Value"/> is written as JSON as it is typed here: a string stays
/// a string, a number a number, a bool a bool; null writes no value (an empty cell).
/// </summary>
internal sealed record Cell(object? Value, string? DisplayValue = null, string? Formula = null, string? Url = null, JsonNode? ObjectValue = null)
{
    /// <summary>A CONTACT_LIST cell: the e-mail is the value, the name the display value.</summary>
    public static Cell Contact(string email, string name) => new(email, DisplayValue: name);

    /// <summary>A formula whose result is an error text, as Smartsheet returns it.</summary>
    public static Cell FormulaError(string error, string formula = "=WORKDAY([Intake Date]@row, 5)") => new(error, Formula: formula);
}
