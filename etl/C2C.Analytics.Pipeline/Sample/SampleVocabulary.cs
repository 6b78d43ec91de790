using System.Globalization;

namespace C2C.Analytics.Pipeline.Sample;

/// <summary>
/// The words the sample is made of: people (with non-ASCII names and ASCII e-mail addresses), account names, products,
/// regions, evidence and notes (non-ASCII, commas, quotes; one note carries a script tag for the HTML-encoding tests).
/// </summary>
internal static class SampleVocabulary
{
    /// <summary>People named first, so that every sample has them whatever its size.</summary>
    public static readonly (string Name, string Email)[] NamedPeople =
    [
        ("José Müller", "jose.muller"), ("Zoë Ångström", "zoe.angstrom"), ("Łukasz Żółć", "lukasz.zolc"), ("李娜", "li.na"),
        ("Aoife O'Brien", "aoife.obrien"), ("Søren Kjær", "soren.kjaer"), ("Anaïs Lefèvre", "anais.lefevre"),
        ("Mehmet Yılmaz", "mehmet.yilmaz"), ("Priya Raghunathan", "priya.raghunathan"), ("Björn Åkesson", "bjorn.akesson"),
        ("田中 花子", "hanako.tanaka"), ("Nguyễn Thị Mai", "mai.nguyen"), ("Olga Šťastná", "olga.stastna"),
        ("Chloé Martin", "chloe.martin"), ("Jane Doe", "jane.doe"), ("Kwame Mensah", "kwame.mensah"),
        ("김민준", "minjun.kim"), ("François Dubois", "francois.dubois"), ("Ana García", "ana.garcia"),
        ("Dmitri Ivanov", "dmitri.ivanov"),
    ];

    public static readonly (string Display, string Ascii)[] FirstNames =
    [
        ("Ana", "ana"), ("Ben", "ben"), ("Chiara", "chiara"), ("Diego", "diego"), ("Eero", "eero"), ("Fatima", "fatima"),
        ("Grégoire", "gregoire"), ("Hana", "hana"), ("Ingrid", "ingrid"), ("Jürgen", "jurgen"), ("Kai", "kai"),
        ("Léa", "lea"), ("Mateus", "mateus"), ("Noémie", "noemie"), ("Oğuz", "oguz"), ("Paweł", "pawel"),
        ("Rania", "rania"), ("Siobhán", "siobhan"), ("Tomás", "tomas"), ("Ulla", "ulla"), ("Wei", "wei"),
        ("Yusuf", "yusuf"), ("Zsófia", "zsofia"), ("Arjun", "arjun"),
    ];

    public static readonly (string Display, string Ascii)[] LastNames =
    [
        ("Müller", "muller"), ("Nowak", "nowak"), ("O'Connor", "oconnor"), ("Fernández", "fernandez"), ("Rossi", "rossi"),
        ("Schäfer", "schafer"), ("Svensson", "svensson"), ("Tanaka", "tanaka"), ("Okafor", "okafor"), ("Smith", "smith"),
        ("Kowalczyk", "kowalczyk"), ("Novák", "novak"), ("Dubois", "dubois"), ("Johansson", "johansson"),
        ("Papadopoulos", "papadopoulos"), ("Çelik", "celik"), ("Hernández", "hernandez"), ("Lindqvist", "lindqvist"),
        ("Moreau", "moreau"), ("Patel", "patel"),
    ];

    public static readonly string[] AccountStems =
    [
        "Acme", "Globex", "Initech", "Umbrella", "Soylent", "Hooli", "Vandelay", "Wonka", "Tyrell", "Cyberdyne",
        "Stark", "Wayne", "Oscorp", "Pied Piper", "Dunder", "Gringotts", "Monarch", "Aperture", "Black Mesa", "Nakatomi",
        "Müller Maschinenbau", "Société Lumière", "Åkesson Logistik", "Zürich Rück", "São Paulo Têxtil", "Kraków Stal",
        "北京云科", "東京精密", "Øresund Energi", "Čapek Robotics", "Ibérica Aguas", "Bühler Präzision",
        "Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Adventure Works", "Proseware", "Lucerne",
    ];

    public static readonly string[] AccountQualifiers =
    [
        "", "Analytics", "Health", "Energy", "Foods", "Logistics", "Bank", "Retail", "Pharma", "Telecom", "Media",
        "Insurance", "Mining", "Aerospace", "Hotels",
    ];

    public static readonly string[] AccountSuffixes =
    [
        "Inc.", "Ltd", "GmbH", "S.A.", "AG", "K.K.", "Pty Ltd", "plc", "Oy", "AB", "S.p.A.", "LLC", "& Co., Ltd",
    ];

    public static readonly string[] Products =
    [
        "Platform Renewal", "Implementation Services", "Data Migration", "Managed Services", "Advisory Retainer",
        "Cloud Expansion", "Training Package", "Integration – Phase 2", "Support Uplift", "Analytics Rollout",
    ];

    public static readonly string[] Regions = ["Americas", "EMEA", "APAC"];

    public static readonly string[] LegacyPrefixes = ["APJ", "SGP", "SYD", "TYO"];

    public static readonly string[] CompletedNotes =
    [
        "Client asked for a revised SOW, see thread with Zoë",
        "PO delayed: \"budget freeze\" until next quarter",
        "Kunde hat die Abnahme bestätigt, Protokoll liegt vor",
        "Réunion de lancement avancée — équipe au complet",
        "请款单已发送，客户已确认收到",
        "Remittance received, 2 invoices combined, ref #44812",
        "Redlines on §7.2 accepted; signed by both parties",
        "Paid by wire — €/£ conversion fee deducted (£12.50)",
        "\"Net 45\" agreed verbally, PO says Net 60",
        "Milestone 1 of 3 accepted ✓",
        "Go-live celebrated 🚀, acceptance e-mail attached",
        "Signed copy uploaded; original, scanned, by courier",
    ];

    public static readonly string[] OpenNotes =
    [
        "Chased twice, no reply",
        "Escalated to the regional finance lead",
        "Waiting on customer's procurement portal, \"supplier not onboarded\"",
        "Klient czeka na zatwierdzenie budżetu",
        "担当者が休暇中、来週再確認",
        "Customer disputes line 3 of the invoice; credit note requested",
        "Blocked: legal review of data-processing addendum",
    ];

    /// <summary>The one note with markup in it: whatever shows a note in HTML must encode it.</summary>
    public const string ScriptNote = "Looks fine <script>alert('c2c')</script> — see \"notes\", p. 2";

    /// <summary>
    /// Writes evidence document <paramref name="number"/> of a stage: its name ("SOW-2024-00012 (signed).pdf", by stage
    /// key; a generic name for other stages) and its web address. False when a span is too short.
    /// </summary>
    public static bool WriteEvidence(Span<char> name, Span<char> url, string stageKey, int number, int year, string dealId, out int nameLength, out int urlLength)
    {
        var culture = CultureInfo.InvariantCulture;
        var written = stageKey switch
        {
            "intake" => name.TryWrite(culture, $"Intake form {year}-{number:00000}", out nameLength),
            "sow_executed" => name.TryWrite(culture, $"SOW-{year}-{number:00000} (signed).pdf", out nameLength),
            "po_received" => name.TryWrite(culture, $"PO 45{number:00000000}", out nameLength),
            "kickoff" => name.TryWrite(culture, $"Kickoff deck v{(number % 3) + 1}.pptx", out nameLength),
            "milestone_accepted" => name.TryWrite(culture, $"Acceptance certificate M{(number % 3) + 1}", out nameLength),
            "invoice_sent" => name.TryWrite(culture, $"INV-{year}-{number:000000}", out nameLength),
            "payment_received" => name.TryWrite(culture, $"Remittance advice {number:000000}", out nameLength),
            _ => name.TryWrite(culture, $"{stageKey} evidence {number:00000}", out nameLength),
        };
        return url.TryWrite(culture, $"https://files.example.com/c2c/{dealId}/{stageKey}/{number:000000}", out urlLength) && written;
    }
}
