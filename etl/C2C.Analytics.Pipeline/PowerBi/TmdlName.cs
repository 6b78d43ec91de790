namespace C2C.Analytics.Pipeline.PowerBi;

/// <summary>TMDL's quoting rule for object names: quoted when they hold <c>. = : '</c> or white space, <c>'</c> doubled.</summary>
public static class TmdlName
{
    public static string Quote(string name) =>
        name.Length > 0 && !name.Any(c => c is '.' or '=' or ':' or '\'' || char.IsWhiteSpace(c))
            ? name
            : "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";
}
