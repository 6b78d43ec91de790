using System.Globalization;

namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>What <c>c2c sources test</c> found: problems (each one line, nothing to do with each other) and notes.</summary>
public sealed record SourceCheck(IReadOnlyList<string> Problems, IReadOnlyList<string> Notes)
{
    public bool IsConfigurationProblem { get; init; }
}

/// <summary>
/// Checks a Salesforce configuration against the org without landing anything: that it signs in, and that every
/// configured field of every object exists (one <c>SELECT … LIMIT 1</c> per object; each field Salesforce refuses is
/// noted and left out, and the query sent again, so that every missing field is found, not only the first). An optional
/// field the org lacks is a note, not a problem.
/// </summary>
public static class SalesforceSourceCheck
{
    public static async Task<SourceCheck> RunAsync(SalesforceOptions options, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configuration = options.Problems();
        if (configuration.Count > 0)
        {
            return new SourceCheck(configuration, []) { IsConfigurationProblem = true };
        }

        SalesforceClient client;
        try
        {
            client = new SalesforceClient(options, clock ?? TimeProvider.System);
        }
        catch (SalesforceConfigurationException e)
        {
            return new SourceCheck(e.Problems, []) { IsConfigurationProblem = true };
        }

        using (client)
        {
            var problems = new List<string>();
            var notes = new List<string>();
            try
            {
                await client.AuthenticateAsync(cancellationToken);
            }
            catch (Exception e) when (e is SalesforceApiException or InvalidDataException)
            {
                return new SourceCheck([e.Message], []);
            }

            notes.Add($"Salesforce: signed in ({options.AuthFlow}) at {options.LoginUrl}");
            foreach (var sobject in SalesforceObject.All)
            {
                await CheckFieldsAsync(client, options, sobject, problems, notes, cancellationToken);
            }

            if (client.Usage is { } usage)
            {
                notes.Add($"Salesforce API usage: {usage}");
            }

            return new SourceCheck(problems, notes);
        }
    }

    private static async Task CheckFieldsAsync(SalesforceClient client, SalesforceOptions options, SalesforceObject sobject,
        List<string> problems, List<string> notes, CancellationToken cancellationToken)
    {
        var settings = sobject == SalesforceObject.Opportunity ? options.Opportunity : options.OpportunityHistory;
        var key = sobject == SalesforceObject.Opportunity ? "Opportunity" : "OpportunityHistory";
        var fields = sobject.Fields(settings).ToList();
        var optional = sobject.Optional(settings);
        var configured = fields.Count;
        while (true)
        {
            var soql = sobject.Query(fields, options.Opportunity.Filters, since: null, ordered: false) + " LIMIT 1";
            try
            {
                await client.SendAsync(SalesforceRequest.Get(client.DataPath("query") + "?q=" + Uri.EscapeDataString(soql)),
                    $"Salesforce {sobject.Name} fields", (_, _) => Task.FromResult(0), cancellationToken);
                var present = fields.Count;
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Salesforce {sobject.Name}: {present} of {configured} configured field(s) present"));
                return;
            }
            catch (SalesforceApiException e) when (FieldErrors.MissingField(e) is { } missing && FieldErrors.Configured(fields, missing) is { } field)
            {
                fields.Remove(field);
                if (optional.Contains(field, StringComparer.OrdinalIgnoreCase))
                {
                    notes.Add($"Salesforce {sobject.Name}: optional field {field} is not in this org; runs leave it out");
                }
                else
                {
                    problems.Add($"Salesforce:{key}: the org has no field '{field}' on {sobject.Name}: {e.Message}");
                }
            }
            catch (SalesforceApiException e)
            {
                problems.Add(e.Message);
                return;
            }
        }
    }
}
