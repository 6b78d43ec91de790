using System.Runtime.CompilerServices;
using System.Text.Json;

namespace C2C.Analytics.Pipeline.Sample;

/// <summary>
/// One cell of a tracker row, as Smartsheet's Cell Reference describes it: an empty cell is only its
/// <c>columnId</c>; TEXT_NUMBER and PICKLIST text has a display value equal to the value; a number (the contract value)
/// is a JSON number with the formatted money as display value; DATE is <c>YYYY-MM-DD</c> with no display value;
/// CONTACT_LIST is the e-mail as value and the name as display value; evidence has a <c>hyperlink</c>; a formula cell
/// carries its <c>formula</c> next to the computed value (an error text such as <c>#INVALID DATA TYPE</c>).
/// </summary>
internal sealed class TrackerCellWriter(IReadOnlyList<string> regions, IReadOnlyList<string> stageKeys)
{
    private static readonly JsonEncodedText ColumnId = JsonEncodedText.Encode("columnId");
    private static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText DisplayValue = JsonEncodedText.Encode("displayValue");
    private static readonly JsonEncodedText Formula = JsonEncodedText.Encode("formula");
    private static readonly JsonEncodedText Hyperlink = JsonEncodedText.Encode("hyperlink");
    private static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(Utf8JsonWriter writer, SampleColumn column, TrackerRow row)
    {
        var engagement = row.Engagement;
        var slot = column.Slot;
        writer.WriteStartObject();
        writer.WriteNumber(ColumnId, column.Id);
        switch (slot.Kind)
        {
            case SlotKind.OpportunityId:
                Text(writer, row.OpportunityIdText);
                break;
            case SlotKind.EngagementName:
                Text(writer, engagement.Opportunity.Name);
                break;
            case SlotKind.Account:
                Text(writer, engagement.Account?.Name);
                break;
            case SlotKind.Region:
                Text(writer, regions[engagement.Region]);
                break;
            case SlotKind.ContractValue when engagement.Opportunity.Amount is { } amount:
                writer.WriteNumber(Value, (double)amount);
                writer.WriteString(DisplayValue, SampleJson.DisplayMoney(amount, engagement.Opportunity.Currency));
                break;
            case SlotKind.Currency:
                Text(writer, engagement.Opportunity.Currency);
                break;
            case SlotKind.IntakeDate:
                SampleJson.WriteDate(writer, Value, engagement.IntakeDate);
                break;
            case SlotKind.PaymentTerms:
                Text(writer, $"Net {engagement.Account?.PaymentTermsDays ?? 30}");
                break;
            case SlotKind.Owner when engagement.Owners[slot.Index] is { } owner:
                writer.WriteString(Value, owner.Email);
                writer.WriteString(DisplayValue, owner.Name);
                break;
            case SlotKind.StageStatus:
                Text(writer, row.Stages[slot.Index].StatusText);
                break;
            case SlotKind.StageDate:
                StageDate(writer, row.Stages[slot.Index]);
                break;
            case SlotKind.StageEvidence:
                Evidence(writer, row.Stages[slot.Index], stageKeys[slot.Index], engagement);
                break;
            case SlotKind.StageNotes:
                Text(writer, row.Stages[slot.Index].Note);
                break;
            case SlotKind.Extra:
                Text(writer, row.LegacyRef);
                break;
            default:
                break; // an empty contract value or owner
        }

        writer.WriteEndObject();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Evidence(Utf8JsonWriter writer, in StageCell cell, string stageKey, SampleEngagement engagement)
    {
        if (cell.Evidence == 0)
        {
            return;
        }

        Span<char> name = stackalloc char[256];
        Span<char> url = stackalloc char[256];
        var year = (cell.Date ?? engagement.IntakeDate).Year;
        if (!SampleVocabulary.WriteEvidence(name, url, stageKey, Math.Abs(cell.Evidence), year, engagement.Opportunity.Id, out var nameLength, out var urlLength))
        {
            throw new InvalidOperationException($"The evidence text of stage '{stageKey}' does not fit its buffer.");
        }

        var text = cell.Evidence > 0 ? name[..nameLength] : url[..urlLength];
        writer.WriteString(Value, text);
        writer.WriteString(DisplayValue, text);
        if (cell.Evidence > 0)
        {
            writer.WriteStartObject(Hyperlink);
            writer.WriteString(Url, url[..urlLength]);
            writer.WriteEndObject();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void StageDate(Utf8JsonWriter writer, in StageCell cell)
    {
        if (cell.DateText is { } text)
        {
            writer.WriteString(Value, text);
            if (cell.DateFormula is { } formula)
            {
                writer.WriteString(Formula, formula);
            }
        }
        else if (cell.Date is { } date)
        {
            SampleJson.WriteDate(writer, Value, date);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Text(Utf8JsonWriter writer, string? text)
    {
        if (text is not null)
        {
            writer.WriteString(Value, text);
            writer.WriteString(DisplayValue, text);
        }
    }
}
