using System.Text.RegularExpressions;
using C2C.Analytics.PowerBi.Tests.Support;
using C2C.Analytics.PowerBi.Tests.Tmdl;
using Dapper;

namespace C2C.Analytics.PowerBi.Tests;

/// <summary>
/// What each role sees on the sample, by the role filters of roles/*.tmdl written again in SQL over the export (text
/// compared without case, as DAX does): the counts powerbi/README.md states for each role and user.
/// </summary>
[Collection(SampleWarehouseCollection.Name)]
public sealed partial class RoleMirrorTests(SampleWarehouse sample)
{
    /// <summary>Owner: the deals on which the user holds a role; their opportunities.</summary>
    private const string OwnerDeals = "SELECT deal_id FROM bridge_engagement_owner WHERE lower(owner_email) = lower($user)";

    private const string OwnerOpportunities = "SELECT opportunity_id FROM fct_opportunity WHERE lower(owner_email) = lower($user)";

    /// <summary>Team lead: the user's team from dim_owner; the deals and opportunities of anyone in it; nothing without a team.</summary>
    private const string TeamDeals = """
        SELECT bridge.deal_id FROM bridge_engagement_owner AS bridge JOIN dim_owner AS owner ON owner.owner_id = bridge.owner_id
        WHERE owner.team = (SELECT team FROM dim_owner WHERE lower(owner_email) = lower($user))
        """;

    private const string TeamOpportunities = """
        SELECT opportunity.opportunity_id FROM fct_opportunity AS opportunity JOIN dim_owner AS owner ON owner.owner_id = opportunity.owner_id
        WHERE owner.team = (SELECT team FROM dim_owner WHERE lower(owner_email) = lower($user))
        """;

    [Fact]
    public void The_README_states_what_each_role_sees_as_the_role_filters_give_it()
    {
        var rows = RoleRow().Matches(File.ReadAllText(Repository.Readme)).ToList();
        Assert.Equal(4, rows.Count);
        using var connection = sample.OpenExport();
        foreach (var row in rows)
        {
            var role = row.Groups["role"].Value.Trim();
            var user = row.Groups["user"].Value.Trim();
            var (deals, opportunities) = role switch
            {
                "Executive" => ("SELECT deal_id FROM dim_engagement", "SELECT opportunity_id FROM fct_opportunity"),
                "Owner" => (OwnerDeals, OwnerOpportunities),
                "Team lead" => (TeamDeals, TeamOpportunities),
                _ => throw new InvalidOperationException("unknown role " + role),
            };
            var seen = connection.QuerySingle<(long, long, long, long)>($"""
                SELECT
                    (SELECT count(*) FROM dim_engagement WHERE deal_id IN ({deals})),
                    (SELECT count(*) FROM fct_engagement_stage WHERE status = 'open' AND deal_id IN ({deals})),
                    (SELECT count(*) FROM mart_action_queue WHERE deal_id IN ({deals})),
                    (SELECT count(*) FROM fct_opportunity WHERE opportunity_id IN ({opportunities}))
                """, new { user });
            var stated = (long.Parse(row.Groups["engagements"].Value), long.Parse(row.Groups["open"].Value),
                long.Parse(row.Groups["actions"].Value), long.Parse(row.Groups["opportunities"].Value));

            Assert.True(seen == stated, $"README: {role} {user} sees {stated}; the role filter gives {seen}");
        }
    }

    [Fact]
    public void The_mirrored_filters_are_the_ones_the_roles_declare()
    {
        var permissions = SemanticModelFiles.Load(Repository.Definition).Permissions;
        string Filter(string role, string table) => Regex.Replace(permissions.Single(p => p.Role == role && p.Table == table).Filter, @"\s+", " ");

        Assert.Contains("bridge_engagement_owner[owner_email] = USERPRINCIPALNAME ()", Filter("Owner", "dim_engagement"), StringComparison.Ordinal);
        Assert.Equal("fct_opportunity[owner_email] = USERPRINCIPALNAME ()", Filter("Owner", "fct_opportunity"));
        Assert.Contains("LOOKUPVALUE ( dim_owner[team], dim_owner[owner_email], USERPRINCIPALNAME () )", Filter("Team lead", "dim_engagement"), StringComparison.Ordinal);
        Assert.Contains("NOT ISBLANK ( myTeam )", Filter("Team lead", "dim_engagement"), StringComparison.Ordinal);
        Assert.Contains("dim_owner[team] = myTeam", Filter("Team lead", "dim_engagement"), StringComparison.Ordinal);
        Assert.Contains("LOOKUPVALUE ( dim_owner[team], dim_owner[owner_id], fct_opportunity[owner_id] ) = myTeam", Filter("Team lead", "fct_opportunity"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\| (?<role>Executive|Owner|Team lead) \| (?<user>[^|]+)\| (?<engagements>\d+) \| (?<open>\d+) \| (?<actions>\d+) \| (?<opportunities>\d+) \|", RegexOptions.Multiline)]
    private static partial Regex RoleRow();
}
