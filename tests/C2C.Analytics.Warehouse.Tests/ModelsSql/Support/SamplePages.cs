namespace C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

/// <summary>Landed pages shared by several test classes, written out by hand in the sources' shapes.</summary>
internal static class SamplePages
{
    /// <summary>Sheet "North": row 101 loads; rows 102–116 each show one reject reason (row 115 three of them).</summary>
    public static SheetPage RowPerReason() => new SheetPage(1, "North", TrackerTemplate.Titles)
        .Row(101, 1, ("Opportunity ID", "006000000000001"), ("Engagement", "Good"), ("Intake Date", "2025-01-06"),
            ("Contract Value", 1000), ("Intake Status", "Complete"), ("Intake Completed", "2025-01-07"))
        .Row(102, 2, ("Opportunity ID", null), ("Engagement", "   "))
        .Row(103, 3, ("Engagement", "No ID yet"))
        .Row(104, 4, ("Opportunity ID", "00600000000001"))
        .Row(105, 5, ("Opportunity ID", "006000000000005AAB"))
        .Row(106, 6, ("Opportunity ID", "006000000000006"))
        .Row(107, 7, ("Opportunity ID", "006000000000006AAA"))
        .Row(108, 8, ("Opportunity ID", "006000000000008"), ("Intake Date", "01/06/2025"))
        .Row(109, 9, ("Opportunity ID", "006000000000009"), ("Contract Value", "1.250,00"))
        .Row(110, 10, ("Opportunity ID", "006000000000010"), ("Payment Terms", "2/10 Net 30"))
        .Row(111, 11, ("Opportunity ID", "006000000000011"), ("SOW Executed Status", "Signed"))
        .Row(112, 12, ("Opportunity ID", "006000000000012"), ("Kickoff Date", "next week"))
        .Row(113, 13, ("Opportunity ID", "006000000000013"), ("Kickoff Status", "Complete"), ("Kickoff Date", "2025-07-01"))
        .Row(114, 14, ("Opportunity ID", "006000000000014"), ("Kickoff Date", Cell.FormulaError("#INVALID DATA TYPE")))
        .Row(115, 15, ("Opportunity ID", "bad id"), ("Intake Date", "2025-13-01"), ("Intake Status", "Started?"))
        .Row(116, 16, ("Opportunity ID", Cell.FormulaError("#NO MATCH", "=INDEX(x)")));

    public const string OpportunityPage1 = """
        {
          "totalSize": 6, "done": false, "nextRecordsUrl": "/services/data/v66.0/query/01gRO0000016PIAYA2-5",
          "records": [
            {
              "attributes": {"type": "Opportunity", "url": "/services/data/v66.0/sobjects/Opportunity/006RO00000AbCdEYAV"},
              "Id": "006RO00000AbCdEYAV", "Name": "Acme – Renewal ✓", "AccountId": "001RO00000XyZaBYAV",
              "Account": {"attributes": {"type": "Account", "url": "/services/data/v66.0/sobjects/Account/001RO00000XyZaBYAV"}, "Name": "Acme Corp"},
              "StageName": "Closed Won", "Amount": 125000.0, "CloseDate": "2024-05-01", "Probability": 100.0,
              "IsClosed": true, "IsWon": true, "ForecastCategoryName": "Closed", "CurrencyIsoCode": "USD",
              "OwnerId": "005RO000001QX8WYAW",
              "Owner": {"attributes": {"type": "User", "url": "/services/data/v66.0/sobjects/User/005RO000001QX8WYAW"}, "Name": "Jane Doe", "Email": "Jane.Doe@Example.com"},
              "CreatedDate": "2024-01-15T09:12:44.000+0000", "LastModifiedDate": "2024-05-01T12:34:56.000+0000",
              "SystemModstamp": "2024-05-01T12:34:56.000+0000"
            },
            {"attributes": {"type": "Opportunity"}, "Name": "Ghost without an Id", "Amount": 1.0},
            {"attributes": {"type": "Opportunity"}, "Id": "006XYZ", "Name": "Short Id"},
            {
              "attributes": {"type": "Opportunity"}, "Id": "006RO00000AbCdFYAV", "Name": "Typed by hand",
              "Amount": "lots", "CloseDate": "31/12/2024", "Probability": "high",
              "SystemModstamp": "2024-05-01T12:35:10.000+0000"
            },
            {
              "attributes": {"type": "Opportunity"}, "Id": "006RO00000AbCdG", "Name": "Orphan (no account)",
              "AccountId": null, "Account": null, "StageName": "Negotiation/Review", "Amount": null, "CloseDate": "2024-07-31",
              "Probability": 90.0, "IsClosed": false, "IsWon": false, "ForecastCategoryName": "Commit", "CurrencyIsoCode": "eur",
              "OwnerId": "005RO000001QX8XYAW", "Owner": {"Name": "John Smith", "Email": "john.smith@example.com"},
              "CreatedDate": "2024-03-02T16:00:01.000+0000", "LastModifiedDate": "2024-05-01T14:35:10.000+0200",
              "SystemModstamp": "2024-05-01T12:35:10.000+0000"
            }
          ]
        }
        """;

    // The next page: a newer copy of Acme (an incremental window's overlap) and a deleted opportunity (queryAll).
    public const string OpportunityPage2 = """
        {
          "totalSize": 6, "done": true,
          "records": [
            {
              "attributes": {"type": "Opportunity"}, "Id": "006RO00000AbCdEYAV", "Name": "Acme – Renewal ✓", "AccountId": "001RO00000XyZaBYAV",
              "Account": {"Name": "Acme Corp"}, "StageName": "Closed Won", "Amount": 130000.0, "CloseDate": "2024-05-01", "Probability": 100.0,
              "IsClosed": true, "IsWon": true, "ForecastCategoryName": "Closed", "CurrencyIsoCode": "USD", "OwnerId": "005RO000001QX8WYAW",
              "Owner": {"Name": "Jane Doe", "Email": "Jane.Doe@Example.com"},
              "CreatedDate": "2024-01-15T09:12:44.000+0000", "LastModifiedDate": "2024-06-01T08:00:00.000+0000",
              "SystemModstamp": "2024-06-01T08:00:00.000+0000"
            },
            {
              "attributes": {"type": "Opportunity"}, "Id": "006RO00000AbCdHYAV", "Name": "Duplicate - deleted", "IsDeleted": true,
              "StageName": "Prospecting", "Amount": 1000.0, "CloseDate": "2024-09-30", "SystemModstamp": "2024-05-02T10:15:00.000+0000"
            }
          ]
        }
        """;

    public const string HistoryPage = """
        {
          "totalSize": 4, "done": true,
          "records": [
            {"attributes": {"type": "OpportunityHistory"}, "Id": "008RO00000Hist1YAA", "OpportunityId": "006RO00000AbCdEYAV",
             "StageName": "Negotiation/Review", "Amount": 120000.0, "ExpectedRevenue": 108000.0, "CloseDate": "2024-05-15",
             "Probability": 90.0, "ForecastCategory": "Forecast", "PrevAmount": 100000.0, "PrevCloseDate": "2024-06-30",
             "CreatedById": "005RO000001QX8WYAW", "CreatedDate": "2024-04-20T14:02:11.000+0000", "SystemModstamp": "2024-04-20T14:02:11.000+0000", "IsDeleted": false},
            {"attributes": {"type": "OpportunityHistory"}, "Id": "008RO00000Hist3YAA", "OpportunityId": "006RO00000AbCdEYAV",
             "StageName": "Closed Won", "Amount": 125000.0, "ExpectedRevenue": 125000.0, "CloseDate": "2024-05-01",
             "Probability": 100.0, "ForecastCategory": "Closed", "CreatedById": "005RO000001QX8WYAW",
             "CreatedDate": "2024-05-01T12:34:56.000+0000", "SystemModstamp": "2024-05-01T12:34:56.000+0000", "IsDeleted": false},
            {"attributes": {"type": "OpportunityHistory"}, "Id": "008RO00000Hist2YAA", "OpportunityId": "006RO00000AbCdEYAV",
             "StageName": "Negotiation/Review", "Amount": 125000.0, "ExpectedRevenue": 112500.0, "CloseDate": "2024-05-15",
             "Probability": 90.0, "ForecastCategory": "Forecast", "CreatedById": "005RO000001QX8WYAW",
             "CreatedDate": "2024-04-25T09:00:00.000+0000", "SystemModstamp": "2024-04-25T09:00:00.000+0000", "IsDeleted": false},
            {"attributes": {"type": "OpportunityHistory"}, "Id": "008RO00000Hist4YAA", "StageName": "Prospecting",
             "CreatedDate": "2024-04-01T00:00:00.000+0000"}
          ]
        }
        """;
}
