using System.Runtime.CompilerServices;
using C2C.Analytics.Calendar;
using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Pipeline.Sample;

/// <summary>
/// Walks one engagement through the configured stages in order, on business days: a stage activates when its
/// prerequisites are done (on the intake date at the earliest) and completes after a drawn duration; a completion
/// after the last extracted day leaves it open, and the stages after it waiting. Some stages are done at intake
/// (completed on or before the intake date), some are N/A, and about 2% of engagements get a stage completed out of
/// order (before its prerequisite, or while the prerequisite is still open): a gate violation.
/// </summary>
internal sealed class EngagementLifecycle
{
    private readonly IReadOnlyList<ResolvedStage> _stages;
    private readonly int[][] _prerequisites;
    private readonly StageProfile[] _profiles;
    private readonly bool[] _dateIsIntakeDate;
    private readonly BusinessCalendar _calendar;
    private readonly DateOnly _lastDay;
    private readonly SampleRandom _random;
    private readonly StatusTexts _texts;
    private int _evidenceNumber;

    public EngagementLifecycle(
        IReadOnlyList<ResolvedStage> stages, TrackerLayout layout, BusinessCalendar calendar, DateOnly lastDay, SampleRandom random, StatusTexts texts)
    {
        _stages = stages;
        var index = stages.Select((s, i) => (s.Definition.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        _prerequisites = [.. stages.Select(s => s.Prerequisites.Select(p => index[p]).ToArray())];
        _profiles = [.. stages.Select(s => StageProfile.For(s.Definition.Key, s.Definition.SlaBusinessDays))];
        _dateIsIntakeDate = [.. stages.Select((_, i) => layout.StageDateIsIntakeDate(i))];
        _calendar = calendar;
        _lastDay = lastDay;
        _random = random;
        _texts = texts;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SampleEngagement Build(SampleOpportunity opportunity, DateOnly intake, SamplePerson?[] owners)
    {
        var count = _stages.Count;
        var cells = new StageCell[count];
        var blankWhenWaiting = _random.Chance(0.5);
        // Done at intake: the row was created after the contract (and sometimes the PO) already came in.
        var doneAtIntakeThrough = _random.Chance(0.08) ? (_random.Chance(0.3) ? 2 : 1) : 0;
        var paymentTermsDays = opportunity.Account?.PaymentTermsDays ?? 30;
        // An N/A stage is transparent for dates (warehouse/METRICS.md): the stages after it activate when it would have.
        var notApplicableFrom = new DateOnly?[count];
        for (var i = 0; i < count; i++)
        {
            if (!_prerequisites[i].All(p => IsDone(cells[p])))
            {
                cells[i].Status = blankWhenWaiting ? null : StageStatus.NotStarted;
                continue;
            }

            var activation = intake;
            foreach (var p in _prerequisites[i])
            {
                if ((cells[p].Date ?? notApplicableFrom[p]) is { } completed && completed > activation)
                {
                    activation = completed;
                }
            }

            var profile = _profiles[i];
            if (i > 0 && i > doneAtIntakeThrough && !_dateIsIntakeDate[i] && _texts.Has(StageStatus.NotApplicable) && _random.Chance(profile.NotApplicableChance))
            {
                cells[i].Status = StageStatus.NotApplicable;
                notApplicableFrom[i] = activation;
                continue;
            }

            DateOnly date;
            if (_dateIsIntakeDate[i] || (i <= doneAtIntakeThrough && doneAtIntakeThrough > 0))
            {
                // The first stage of a row created with later stages already done is complete on the intake date;
                // those later stages are on it or a few business days before it.
                date = _dateIsIntakeDate[i] || i == 0 || _random.Chance(0.5) ? intake : _calendar.WorkDay(intake, -_random.Next(1, 9));
            }
            else if (profile.FollowsPaymentTerms)
            {
                var late = (int)Math.Round(_random.LogNormal(profile.MedianBusinessDays, profile.Sigma, 1, 200)) - 6;
                date = NextBusinessDay(activation.AddDays(paymentTermsDays + late));
                date = date < activation ? activation : date;
            }
            else if (i == 0)
            {
                date = _calendar.WorkDay(intake, _random.Chance(0.6) ? 0 : _random.Next(1, 4));
            }
            else
            {
                var median = profile.MedianBusinessDays;
                var days = (int)Math.Round(_random.LogNormal(median, profile.Sigma, 0, (median * 8) + 10));
                date = _calendar.WorkDay(activation, days);
            }

            if (date > _lastDay)
            {
                var open = _random.NextDouble();
                cells[i].Status = open < 0.85 ? StageStatus.InProgress : open < 0.92 && _texts.Has(StageStatus.Blocked) ? StageStatus.Blocked : StageStatus.NotStarted;
                continue;
            }

            cells[i].Status = StageStatus.Complete;
            cells[i].Date = date;
        }

        var gateViolation = count >= 3 && _random.Chance(0.02) ? PlantGateViolation(cells, intake) : -1;
        var lastActivity = intake;
        for (var i = 0; i < count; i++)
        {
            Describe(ref cells[i]);
            if (cells[i].Date is { } date && date > lastActivity)
            {
                lastActivity = date;
            }
        }

        return new SampleEngagement
        {
            Opportunity = opportunity,
            IntakeDate = intake,
            Owners = owners,
            Stages = cells,
            LastActivity = lastActivity,
            GateViolationStage = gateViolation,
        };
    }

    private static bool IsDone(StageCell cell) => cell.Status is StageStatus.Complete or StageStatus.NotApplicable;

    private DateOnly NextBusinessDay(DateOnly date) => _calendar.WorkDay(date.AddDays(-1), 1);

    /// <summary>Completes a stage out of order; returns its index, or -1 when this engagement offers no candidate.</summary>
    private int PlantGateViolation(StageCell[] cells, DateOnly intake)
    {
        // A stage whose prerequisite is still open, completed anyway; or one dated before its completed prerequisite.
        var stillOpen = new List<(int Stage, int Prerequisite)>();
        var early = new List<int>();
        for (var k = 2; k < cells.Length; k++)
        {
            if (_dateIsIntakeDate[k] || _prerequisites[k].Length == 0)
            {
                continue;
            }

            var open = Array.FindIndex(_prerequisites[k], p => cells[p].Status is StageStatus.InProgress or StageStatus.Blocked);
            if (open >= 0 && cells[k].Date is null)
            {
                stillOpen.Add((k, _prerequisites[k][open]));
            }
            else if (cells[k].Date is { } date && cells[_prerequisites[k][0]].Date is { } prerequisiteDate && date >= prerequisiteDate)
            {
                early.Add(k);
            }
        }

        if (stillOpen.Count > 0)
        {
            var (stage, prerequisite) = _random.Pick(stillOpen);
            var from = _prerequisites[prerequisite].Select(p => cells[p].Date).Append(intake).Max()!.Value;
            var span = Math.Max(0, _calendar.BusinessDaysBetween(from, _lastDay));
            var date = _calendar.WorkDay(from, _random.Next(0, span + 1));
            cells[stage].Status = StageStatus.Complete;
            cells[stage].Date = date <= _lastDay ? date : _calendar.WorkDay(_lastDay.AddDays(1), -1);
            return stage;
        }

        if (early.Count > 0)
        {
            var stage = _random.Pick(early);
            cells[stage].Date = _calendar.WorkDay(cells[_prerequisites[stage][0]].Date!.Value, -_random.Next(1, 6));
            return stage;
        }

        return -1;
    }

    /// <summary>Status text, evidence (most completed stages) and the odd note.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Describe(ref StageCell cell)
    {
        cell.StatusText = cell.Status is null ? null : _texts.Pick(cell.Status, _random);
        if (cell.Status == StageStatus.Complete && _random.Chance(0.85))
        {
            var number = ++_evidenceNumber;
            cell.Evidence = _random.Chance(0.1) ? -number : number; // one in ten pasted as a bare link
        }

        if (cell.Status == StageStatus.Complete && _random.Chance(0.08))
        {
            cell.Note = _random.Pick(SampleVocabulary.CompletedNotes);
        }
        else if (cell.Status is StageStatus.InProgress or StageStatus.Blocked && _random.Chance(0.25))
        {
            cell.Note = _random.Pick(SampleVocabulary.OpenNotes);
        }
    }
}
