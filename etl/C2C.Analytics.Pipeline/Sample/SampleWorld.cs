using System.Runtime.CompilerServices;
using C2C.Analytics.Calendar;
using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Pipeline.Sample;

/// <summary>
/// Everything the sample sources describe, built once in memory (a few hundred bytes per opportunity; the JSON is
/// written page by page from it): owners per role, accounts per region, opportunities (won: the engagements; lost;
/// open) and each engagement's stages.
/// </summary>
internal sealed class SampleWorld
{
    /// <summary>A contact cell typed as free text: value and display value are the same text, and no e-mail.</summary>
    public static readonly SamplePerson Tbd = new("TBD", "TBD", "");

    private readonly (SampleOpportunity Opportunity, DateOnly Intake)[] _won;
    private readonly SamplePerson[][] _owners;
    private readonly int _salesRole;
    private readonly SampleRandom _random;

    private SampleWorld(
        List<SampleOpportunity> opportunities, (SampleOpportunity, DateOnly)[] won, SamplePerson[][] owners, int salesRole, SampleRandom random)
    {
        Opportunities = opportunities;
        _won = won;
        _owners = owners;
        _salesRole = salesRole;
        _random = random;
    }

    /// <summary>All opportunities, in the order a <c>… ORDER BY SystemModstamp, Id</c> query returns them. Not changed after <see cref="Build"/>.</summary>
    public IReadOnlyList<SampleOpportunity> Opportunities { get; }

    /// <summary>Owners, accounts and opportunities with their history and IDs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SampleWorld Build(SampleOptions options, BusinessCalendar calendar, IReadOnlyList<string> ownerRoles)
    {
        var random = new SampleRandom(options.Seed, 1);
        var ids = new SampleRandom(options.Seed, 2);
        var lastDay = options.AsOf.AddDays(-1);
        var firstDay = options.AsOf.AddYears(-options.IntakeYears);
        var count = options.Engagements;

        var owners = People(ownerRoles, count, random, new SalesforceIdGenerator("005", ids));
        var salesRole = Math.Max(0, ownerRoles.ToList().FindIndex(r => r.Equals("Sales", StringComparison.OrdinalIgnoreCase)));
        var accounts = Accounts(Math.Clamp(count / 6, 12, 7800), random, new SalesforceIdGenerator("001", ids));
        var factory = new OpportunityFactory(random, calendar, firstDay, lastDay, accounts, owners[salesRole]);

        var won = new (SampleOpportunity Opportunity, DateOnly Intake)[count];
        for (var i = 0; i < count; i++)
        {
            var intake = factory.SeasonalBusinessDay();
            won[i] = (factory.Won(intake), intake);
        }

        var opportunities = new List<SampleOpportunity>(count * 2);
        opportunities.AddRange(won.Select(w => w.Opportunity));
        for (var i = 0; i < Math.Round(count * 0.45); i++)
        {
            opportunities.Add(factory.Lost());
        }

        for (var i = 0; i < Math.Round(count * 0.3); i++)
        {
            opportunities.Add(factory.Open());
        }

        // IDs in creation order, as an org issues them; pages in the order of an incremental query.
        var opportunityIds = new SalesforceIdGenerator("006", ids);
        foreach (var opportunity in opportunities.OrderBy(o => o.CreatedAt))
        {
            opportunity.Id = opportunityIds.Next();
        }

        opportunities.Sort((a, b) => a.SystemModstamp != b.SystemModstamp
            ? a.SystemModstamp.CompareTo(b.SystemModstamp)
            : string.CompareOrdinal(a.Id, b.Id));
        return new SampleWorld(opportunities, won, owners, salesRole, random);
    }

    /// <summary>The won opportunities' engagements with their stages, by intake date (reads the opportunities, changes none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<SampleEngagement> BuildEngagements(SampleOptions options, BusinessCalendar calendar, TrackerLayout layout, StatusTexts texts)
    {
        var lifecycle = new EngagementLifecycle(layout.Stages, layout, calendar, options.AsOf.AddDays(-1), new SampleRandom(options.Seed, 3), texts);
        return [.. _won
            .OrderBy(w => w.Intake).ThenBy(w => w.Opportunity.Id, StringComparer.Ordinal)
            .Select(w => lifecycle.Build(w.Opportunity, w.Intake, Owners(w.Opportunity, _owners, _salesRole, _random)))];
    }

    /// <summary>The deal's owners by role: the opportunity owner for Sales, someone of the role otherwise (rarely empty or "TBD").</summary>
    private static SamplePerson?[] Owners(SampleOpportunity opportunity, SamplePerson[][] owners, int salesRole, SampleRandom random)
    {
        var result = new SamplePerson?[owners.Length];
        for (var role = 0; role < owners.Length; role++)
        {
            var draw = random.NextDouble();
            result[role] = role == salesRole ? opportunity.Owner
                : draw < 0.02 ? null
                : draw < 0.025 ? Tbd
                : random.Pick(owners[role]);
        }

        return result;
    }

    private static SamplePerson[][] People(IReadOnlyList<string> roles, int engagements, SampleRandom random, SalesforceIdGenerator ids)
    {
        var emails = new HashSet<string>(StringComparer.Ordinal);
        var named = 0;
        var result = new SamplePerson[roles.Count][];
        for (var role = 0; role < roles.Count; role++)
        {
            var size = roles[role].Equals("Sales", StringComparison.OrdinalIgnoreCase)
                ? Math.Clamp((engagements + 149) / 150, 6, 60)
                : Math.Clamp((engagements + 299) / 300, 4, 40);
            result[role] = new SamplePerson[size];
            for (var i = 0; i < size; i++)
            {
                string name, local;
                if (named < SampleVocabulary.NamedPeople.Length)
                {
                    (name, local) = SampleVocabulary.NamedPeople[named++];
                }
                else
                {
                    var first = random.Pick(SampleVocabulary.FirstNames);
                    var last = random.Pick(SampleVocabulary.LastNames);
                    (name, local) = ($"{first.Display} {last.Display}", $"{first.Ascii}.{last.Ascii}");
                }

                var email = $"{local}@example.com";
                for (var n = 2; !emails.Add(email); n++)
                {
                    email = $"{local}{n}@example.com";
                }

                result[role][i] = new SamplePerson(name, email, ids.Next());
            }
        }

        return result;
    }

    private static SampleAccount[] Accounts(int count, SampleRandom random, SalesforceIdGenerator ids)
    {
        var stems = SampleVocabulary.AccountStems;
        var qualifiers = SampleVocabulary.AccountQualifiers;
        var suffixes = SampleVocabulary.AccountSuffixes;
        var combinations = stems.Length * qualifiers.Length * suffixes.Length;
        var offset = random.Next(combinations);
        var accounts = new SampleAccount[count];
        for (var i = 0; i < count; i++)
        {
            // 7,919 is prime and does not divide the number of combinations: distinct names, spread over the stems.
            var k = (int)((offset + (i * 7919L)) % combinations);
            var stem = stems[k % stems.Length];
            var qualifier = qualifiers[k / stems.Length % qualifiers.Length];
            var suffix = suffixes[k / (stems.Length * qualifiers.Length)];
            var name = qualifier.Length == 0 ? $"{stem} {suffix}" : $"{stem} {qualifier} {suffix}";
            var region = random.Weighted([45, 35, 20]);
            var currency = region switch
            {
                1 => random.Pick(["EUR", "EUR", "EUR", "GBP", "GBP", "USD", "USD"]),
                2 => random.Chance(0.9) ? "USD" : random.Pick(["EUR", "GBP"]),
                _ => random.Chance(0.97) ? "USD" : "EUR",
            };
            var terms = random.Weighted([50, 25, 25]) switch
            {
                0 => 30,
                1 => 45,
                _ => 60,
            };
            accounts[i] = new SampleAccount(ids.Next(), name, region, terms, currency);
        }

        return accounts;
    }
}
