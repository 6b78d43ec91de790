using System.Runtime.CompilerServices;
using System.Text.Json;

namespace C2C.Analytics.Pipeline.Sample;

/// <summary>
/// One Opportunity or OpportunityHistory record as the query resource returns it: <c>attributes</c> first, fields in
/// the order of the SELECT, parents (Account, Owner) nested with their own <c>attributes</c>, null lookups as JSON
/// null, currency and percent as Java doubles, dates <c>YYYY-MM-DD</c>, datetimes <c>…T12:34:56.000+0000</c>.
/// </summary>
internal static class SalesforceRecordWriter
{
    private const string SObjects = "/services/data/" + SalesforceQueryPageWriter.ApiVersion + "/sobjects/";

    private static readonly JsonEncodedText Attributes = JsonEncodedText.Encode("attributes");
    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("Id");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("Name");
    private static readonly JsonEncodedText AccountId = JsonEncodedText.Encode("AccountId");
    private static readonly JsonEncodedText Account = JsonEncodedText.Encode("Account");
    private static readonly JsonEncodedText StageName = JsonEncodedText.Encode("StageName");
    private static readonly JsonEncodedText Amount = JsonEncodedText.Encode("Amount");
    private static readonly JsonEncodedText CloseDate = JsonEncodedText.Encode("CloseDate");
    private static readonly JsonEncodedText Probability = JsonEncodedText.Encode("Probability");
    private static readonly JsonEncodedText IsClosed = JsonEncodedText.Encode("IsClosed");
    private static readonly JsonEncodedText IsWon = JsonEncodedText.Encode("IsWon");
    private static readonly JsonEncodedText ForecastCategoryName = JsonEncodedText.Encode("ForecastCategoryName");
    private static readonly JsonEncodedText CurrencyIsoCode = JsonEncodedText.Encode("CurrencyIsoCode");
    private static readonly JsonEncodedText OwnerId = JsonEncodedText.Encode("OwnerId");
    private static readonly JsonEncodedText Owner = JsonEncodedText.Encode("Owner");
    private static readonly JsonEncodedText Email = JsonEncodedText.Encode("Email");
    private static readonly JsonEncodedText CreatedDate = JsonEncodedText.Encode("CreatedDate");
    private static readonly JsonEncodedText LastModifiedDate = JsonEncodedText.Encode("LastModifiedDate");
    private static readonly JsonEncodedText SystemModstamp = JsonEncodedText.Encode("SystemModstamp");
    private static readonly JsonEncodedText OpportunityId = JsonEncodedText.Encode("OpportunityId");
    private static readonly JsonEncodedText ExpectedRevenue = JsonEncodedText.Encode("ExpectedRevenue");
    private static readonly JsonEncodedText ForecastCategory = JsonEncodedText.Encode("ForecastCategory");
    private static readonly JsonEncodedText PrevAmount = JsonEncodedText.Encode("PrevAmount");
    private static readonly JsonEncodedText PrevCloseDate = JsonEncodedText.Encode("PrevCloseDate");
    private static readonly JsonEncodedText CreatedById = JsonEncodedText.Encode("CreatedById");
    private static readonly JsonEncodedText IsDeleted = JsonEncodedText.Encode("IsDeleted");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteOpportunity(Utf8JsonWriter writer, SampleOpportunity opportunity)
    {
        var stage = opportunity.StageInfo;
        writer.WriteStartObject();
        WriteAttributes(writer, "Opportunity", opportunity.Id);
        writer.WriteString(Id, opportunity.Id);
        writer.WriteString(Name, opportunity.Name);
        if (opportunity.Account is { } account)
        {
            writer.WriteString(AccountId, account.Id);
            writer.WriteStartObject(Account);
            WriteAttributes(writer, "Account", account.Id);
            writer.WriteString(Name, account.Name);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull(AccountId);
            writer.WriteNull(Account);
        }

        writer.WriteString(StageName, stage.Name);
        SampleJson.WriteJavaNumber(writer, Amount, opportunity.Amount);
        SampleJson.WriteDate(writer, CloseDate, opportunity.CloseDate);
        SampleJson.WriteJavaNumber(writer, Probability, stage.Probability);
        writer.WriteBoolean(IsClosed, stage.IsClosed);
        writer.WriteBoolean(IsWon, stage.IsWon);
        writer.WriteString(ForecastCategoryName, stage.ForecastCategoryName);
        writer.WriteString(CurrencyIsoCode, opportunity.Currency);
        writer.WriteString(OwnerId, opportunity.Owner.UserId);
        writer.WriteStartObject(Owner);
        WriteAttributes(writer, "User", opportunity.Owner.UserId);
        writer.WriteString(Name, opportunity.Owner.Name);
        writer.WriteString(Email, opportunity.Owner.Email);
        writer.WriteEndObject();
        SampleJson.WriteSalesforceTimestamp(writer, CreatedDate, opportunity.CreatedAt);
        SampleJson.WriteSalesforceTimestamp(writer, LastModifiedDate, opportunity.LastModifiedAt);
        SampleJson.WriteSalesforceTimestamp(writer, SystemModstamp, opportunity.SystemModstamp);
        writer.WriteEndObject();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteHistory(Utf8JsonWriter writer, string id, SampleOpportunity opportunity, int step)
    {
        var change = opportunity.History[step];
        var stage = SalesforceStage.All[change.Stage];
        writer.WriteStartObject();
        WriteAttributes(writer, "OpportunityHistory", id);
        writer.WriteString(Id, id);
        writer.WriteString(OpportunityId, opportunity.Id);
        writer.WriteString(StageName, stage.Name);
        SampleJson.WriteJavaNumber(writer, Amount, change.Amount);
        SampleJson.WriteJavaNumber(writer, ExpectedRevenue, change.Amount is { } amount ? Math.Round(amount * stage.Probability / 100m, 2) : null);
        SampleJson.WriteDate(writer, CloseDate, change.CloseDate);
        SampleJson.WriteJavaNumber(writer, Probability, stage.Probability);
        writer.WriteString(ForecastCategory, stage.ForecastCategory);
        if (step == 0)
        {
            writer.WriteNull(PrevAmount);
            writer.WriteNull(PrevCloseDate);
        }
        else
        {
            var previous = opportunity.History[step - 1];
            SampleJson.WriteJavaNumber(writer, PrevAmount, previous.Amount);
            SampleJson.WriteDate(writer, PrevCloseDate, previous.CloseDate);
        }

        writer.WriteString(CreatedById, opportunity.Owner.UserId);
        SampleJson.WriteSalesforceTimestamp(writer, CreatedDate, change.At);
        SampleJson.WriteSalesforceTimestamp(writer, SystemModstamp, change.At);
        writer.WriteBoolean(IsDeleted, false);
        writer.WriteEndObject();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteAttributes(Utf8JsonWriter writer, string type, string id)
    {
        writer.WriteStartObject(Attributes);
        writer.WriteString(Type, type);
        writer.WriteString(Url, string.Concat(SObjects, type, "/", id));
        writer.WriteEndObject();
    }
}
