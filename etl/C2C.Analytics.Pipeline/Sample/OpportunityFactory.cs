using System.Runtime.CompilerServices;
using C2C.Analytics.Calendar;

namespace C2C.Analytics.Pipeline.Sample;

/// <summary>
/// Makes opportunities with their stage history: won ones closing just before their engagement's intake, lost ones
/// over the same years, open ones closing in the coming months (some already past their close date). Close dates follow
/// the sales seasons: busier in the last month of each quarter, busiest in its last ten days, growing year on year.
/// </summary>
internal sealed class OpportunityFactory(
    SampleRandom random, BusinessCalendar calendar, DateOnly firstDay, DateOnly lastDay,
    IReadOnlyList<SampleAccount> accounts, IReadOnlyList<SamplePerson> salesOwners)
{
    private const double MaxSeasonWeight = (1 + 1.2 + 2.0) * 1.8;

    /// <summary>A business day in [first day, last day], drawn with quarter-end seasonality and growth.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public DateOnly SeasonalBusinessDay()
    {
        var span = lastDay.DayNumber - firstDay.DayNumber + 1;
        while (true)
        {
            var day = firstDay.AddDays(random.Next(span));
            var weight = 1.0;
            if (day.Month % 3 == 0)
            {
                weight += 1.2;
                if (day.Day > DateTime.DaysInMonth(day.Year, day.Month) - 10)
                {
                    weight += 2.0;
                }
            }

            weight *= 1 + (0.8 * (day.DayNumber - firstDay.DayNumber) / span);
            if (random.NextDouble() * MaxSeasonWeight < weight)
            {
                var business = calendar.WorkDay(day.AddDays(-1), 1);
                return business <= lastDay ? business : calendar.WorkDay(day.AddDays(1), -1);
            }
        }
    }

    public SampleOpportunity Won(DateOnly intake)
    {
        var close = calendar.WorkDay(intake, -random.Next(0, 4));
        return Make(SalesforceStage.ClosedWon, random.Pick(accounts), close, close.AddDays(-random.Next(30, 241)), Amount());
    }

    public SampleOpportunity Lost()
    {
        var close = SeasonalBusinessDay();
        return Make(SalesforceStage.ClosedLost, random.Pick(accounts), close, close.AddDays(-random.Next(20, 201)), Amount());
    }

    public SampleOpportunity Open()
    {
        var stage = random.Weighted([20, 20, 15, 15, 10, 5, 8, 7]);
        var created = lastDay.AddDays(-random.Next(1, 241));
        var close = lastDay.AddDays(random.Next(-30, 181));
        var account = random.Chance(0.02) ? null : random.Pick(accounts);
        return Make(stage, account, close, created, random.Chance(0.01) ? null : Amount());
    }

    private decimal Amount()
    {
        if (random.Chance(0.003))
        {
            return Math.Round((decimal)random.LogNormal(14_000_000, 0.3, 10_000_000, 40_000_000), 2);
        }

        var amount = (decimal)random.LogNormal(85_000, 0.9, 5_000, 5_000_000);
        return random.Chance(0.7) ? Math.Round(amount / 500) * 500 : Math.Round(amount, 2);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private SampleOpportunity Make(int stage, SampleAccount? account, DateOnly close, DateOnly created, decimal? amount)
    {
        var closed = SalesforceStage.All[stage].IsClosed;
        var product = (byte)random.Next(SampleVocabulary.Products.Length);
        if (created > lastDay)
        {
            created = lastDay;
        }

        var history = History(stage, created, closed ? close : lastDay, close, amount);
        var lastChange = history[^1].At;
        var lastModified = lastChange;
        if (random.Chance(0.3))
        {
            var edited = lastChange.AddDays(random.Next(1, 46));
            lastModified = edited < Cap ? edited : lastChange;
        }

        var modstamp = random.Chance(0.15) && lastModified.AddSeconds(600) < Cap ? lastModified.AddSeconds(random.Next(1, 600)) : lastModified;
        return new SampleOpportunity
        {
            Stage = stage,
            Product = product,
            Account = account,
            Owner = random.Pick(salesOwners),
            Amount = amount,
            Currency = account?.Currency ?? "USD",
            CloseDate = close,
            History = history,
            LastModifiedAt = lastModified,
            SystemModstamp = modstamp,
        };
    }

    /// <summary>Everything happens before the as-of date (the extract runs in its early hours).</summary>
    private DateTime Cap => lastDay.ToDateTime(new TimeOnly(23, 59, 59));

    /// <summary>The path through the sales stages, from creation to the current stage, with amounts and close dates that firm up.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private HistoryStep[] History(int finalStage, DateOnly created, DateOnly lastChangeDay, DateOnly close, decimal? amount)
    {
        var top = finalStage switch
        {
            SalesforceStage.ClosedWon => random.Chance(0.8) ? 7 : 6,
            SalesforceStage.ClosedLost => random.Next(0, SalesforceStage.OpenStageCount),
            _ => finalStage,
        };
        var start = Math.Min(top, random.Chance(0.7) ? 0 : 1);
        var path = new List<int> { start };
        for (var stage = start + 1; stage <= top; stage++)
        {
            if (stage == top || random.Chance(0.25))
            {
                path.Add(stage);
            }
        }

        if (SalesforceStage.All[finalStage].IsClosed)
        {
            path.Add(finalStage);
        }

        if (lastChangeDay < created)
        {
            lastChangeDay = created;
        }

        // Times: creation first, the closing change on the close date, the rest in between, in order.
        var span = (lastChangeDay.DayNumber - created.DayNumber) * 86400L;
        var offsets = new long[path.Count];
        for (var i = 1; i < offsets.Length; i++)
        {
            offsets[i] = (long)(random.NextDouble() * span);
        }

        Array.Sort(offsets);
        var steps = new HistoryStep[path.Count];
        var stepAmount = amount is null ? (decimal?)null : Math.Round(amount.Value * (decimal)(0.7 + (0.5 * random.NextDouble())) / 1000) * 1000;
        var stepClose = random.Chance(0.4) ? close.AddDays(-random.Next(1, 91)) : close;
        for (var i = 0; i < path.Count; i++)
        {
            var last = i == path.Count - 1;
            var day = DateOnly.FromDayNumber(created.DayNumber + (int)(offsets[i] / 86400));
            if (last && SalesforceStage.All[path[i]].IsClosed)
            {
                day = close;
            }

            var at = day.ToDateTime(TimeOnly.FromTimeSpan(random.OfficeTime()));
            if (i > 0 && at <= steps[i - 1].At)
            {
                at = steps[i - 1].At.AddMinutes(random.Next(1, 240));
            }

            if (last || random.Chance(0.3))
            {
                stepAmount = last ? amount : stepAmount;
                stepClose = last || random.Chance(0.5) ? close : stepClose;
            }

            steps[i] = new HistoryStep(path[i], stepAmount, stepClose, at < Cap ? at : Cap);
        }

        return steps;
    }
}
