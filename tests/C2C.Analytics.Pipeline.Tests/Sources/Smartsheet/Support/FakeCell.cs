using System.Text.Json.Nodes;

namespace C2C.Analytics.Pipeline.Tests.Sources.Smartsheet.Support;

/// <summary>Cells as Smartsheet's Cell Reference shows them (everything but the columnId, which the sheet adds).</summary>
public static class FakeCell
{
    public static JsonObject Text(string text) => new() { ["value"] = text, ["displayValue"] = text };

    public static JsonObject Date(string isoDate) => new() { ["value"] = isoDate };

    public static JsonObject Money(decimal amount, string display) => new() { ["value"] = amount, ["displayValue"] = display };

    public static JsonObject Contact(string email, string name) => new() { ["value"] = email, ["displayValue"] = name };

    public static JsonObject Link(string text, string url) =>
        new() { ["value"] = text, ["displayValue"] = text, ["hyperlink"] = new JsonObject { ["url"] = url } };

    public static JsonObject Checkbox(bool value) => new() { ["value"] = value };

    public static JsonObject Formula(string value, string formula) => new() { ["value"] = value, ["formula"] = formula };
}
