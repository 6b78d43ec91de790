using System.Globalization;

namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>
/// One object the pipeline reads: its API name, the landing entity its pages go to, its standard fields, and how
/// its SOQL is built from the configured field lists. Every name that goes into the SOQL is checked against the
/// identifier allow-list (<see cref="Soql"/>); filter values are escaped literals.
/// </summary>
internal sealed class SalesforceObject
{
    public static readonly SalesforceObject Opportunity = new(
        "Opportunity", "opportunities", "",
        [
            "Id", "Name", "AccountId", "Account.Name", "StageName", "Amount", "CloseDate", "Probability", "ForecastCategoryName",
            "IsClosed", "IsWon", "OwnerId", "Owner.Name", "Owner.Email", "CreatedDate", "LastModifiedDate", "SystemModstamp",
        ],
        ["CurrencyIsoCode"]);

    /// <summary>Stage history: read for the opportunities the filters select (through its Opportunity relationship).</summary>
    public static readonly SalesforceObject OpportunityHistory = new(
        "OpportunityHistory", "opportunity_history", "Opportunity.",
        [
            "Id", "OpportunityId", "StageName", "Amount", "ExpectedRevenue", "CloseDate", "Probability", "ForecastCategory",
            "PrevAmount", "PrevCloseDate", "CreatedById", "CreatedDate", "SystemModstamp",
        ],
        []);

    /// <summary>Read in every query, whatever is configured: the key, the watermark and the delete flag.</summary>
    private static readonly string[] AlwaysRead = ["Id", "SystemModstamp", "IsDeleted"];

    private SalesforceObject(string name, string entity, string filterPrefix, string[] standardFields, string[] defaultOptional)
    {
        Name = name;
        Entity = entity;
        FilterPrefix = filterPrefix;
        StandardFields = standardFields;
        DefaultOptionalFields = defaultOptional;
    }

    public static IReadOnlyList<SalesforceObject> All { get; } = [Opportunity, OpportunityHistory];

    public string Name { get; }

    /// <summary>The landing entity: <c>landing/salesforce/&lt;entity&gt;/&lt;run&gt;/</c>.</summary>
    public string Entity { get; }

    public IReadOnlyList<string> StandardFields { get; }

    public IReadOnlyList<string> DefaultOptionalFields { get; }

    /// <summary>How this object reaches the Opportunity the configured filters name ("" for Opportunity itself).</summary>
    private string FilterPrefix { get; }

    /// <summary>The fields to SELECT, in order, each once (case-insensitively): configured or standard, custom, optional, always-read.</summary>
    public IReadOnlyList<string> Fields(SalesforceObjectOptions options)
    {
        var fields = new List<string>();
        foreach (var field in (options.Fields.Count > 0 ? options.Fields : StandardFields)
            .Concat(options.CustomFields).Concat(Optional(options)).Concat(AlwaysRead))
        {
            if (!fields.Contains(field, StringComparer.OrdinalIgnoreCase))
            {
                fields.Add(Soql.FieldPath(field.Trim()));
            }
        }

        return fields;
    }

    public IReadOnlyList<string> Optional(SalesforceObjectOptions options) =>
        options.OptionalFields.Count > 0 ? options.OptionalFields : DefaultOptionalFields;

    /// <summary>
    /// <c>SELECT … FROM Object [WHERE SystemModstamp &gt;= since AND filters] [ORDER BY SystemModstamp, Id]</c>. Bulk
    /// queries are not ordered (ordering disables Salesforce's chunking); REST queries are, so that paging is stable.
    /// </summary>
    public string Query(IEnumerable<string> fields, IReadOnlyList<SalesforceFilter> filters, DateTimeOffset? since, bool ordered) =>
        "SELECT " + string.Join(", ", fields.Select(Soql.FieldPath)) + " FROM " + Name + Where(filters, since)
        + (ordered ? " ORDER BY SystemModstamp, Id" : "");

    /// <summary><c>SELECT COUNT() …</c> with the same conditions: how many records a read would return.</summary>
    public string CountQuery(IReadOnlyList<SalesforceFilter> filters, DateTimeOffset? since) =>
        "SELECT COUNT() FROM " + Name + Where(filters, since);

    /// <summary>The configuration problems of this object's lists (names not on the allow-list, empty filters).</summary>
    public IEnumerable<string> Problems(SalesforceObjectOptions options, string key)
    {
        foreach (var (list, values) in new[] { ("Fields", options.Fields), ("CustomFields", options.CustomFields), ("OptionalFields", options.OptionalFields) })
        {
            foreach (var field in values.Where(f => !Soql.IsFieldPath(f?.Trim())))
            {
                yield return $"Salesforce:{key}:{list} holds '{field}', which is not a field name (letters, digits and '_', parents joined with '.', e.g. Owner.Email or Partner__r.Name).";
            }
        }

        if (FilterPrefix.Length > 0 && options.Filters.Count > 0)
        {
            yield return $"Salesforce:{key}:Filters is not used: set the filters under Salesforce:Opportunity:Filters; the history follows its opportunities.";
        }

        for (var i = 0; i < options.Filters.Count; i++)
        {
            var filter = options.Filters[i];
            if (!Soql.IsFieldPath(filter.Field?.Trim()))
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"Salesforce:{key}:Filters:{i}:Field '{filter.Field}' is not a field name.");
            }

            if (filter.Values.Count == 0)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"Salesforce:{key}:Filters:{i}:Values is empty: a filter needs at least one value.");
            }

            if (filter.Values.Any(v => v is null || v.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\b' or '\f'))))
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"Salesforce:{key}:Filters:{i}:Values holds a control character.");
            }
        }
    }

    private string Where(IReadOnlyList<SalesforceFilter> filters, DateTimeOffset? since)
    {
        var conditions = new List<string>();
        if (since is { } from)
        {
            conditions.Add("SystemModstamp >= " + Soql.Literal(from));
        }

        foreach (var filter in filters)
        {
            conditions.Add(FilterPrefix + Soql.FieldPath(filter.Field.Trim()) + " IN (" + string.Join(", ", filter.Values.Select(Soql.Literal)) + ")");
        }

        return conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
    }
}
