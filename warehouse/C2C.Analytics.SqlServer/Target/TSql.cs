using C2C.Analytics.SqlServer.Schema;

namespace C2C.Analytics.SqlServer.Target;

/// <summary>
/// Every statement the publisher sends to SQL Server, in one place to review. Identifiers are written only through
/// <see cref="Identifiers.SqlServer(string)"/> (bracketed, <c>]</c> doubled) and come from the warehouse's catalog
/// (tables, columns) or from validated configuration (schemas); values are Dapper parameters (<c>@name</c>).
/// Needs SQL Server 2017 or later, or Azure SQL (a clustered columnstore index over NVARCHAR(MAX) columns).
/// </summary>
public static class TSql
{
    public const string PublishTable = "etl_publish";
    public const string SchemaVersionTable = "etl_schema_version";

    /// <summary>One publisher per target schema at a time: a session lock, released when the connection closes. Returns ≥ 0 when granted.</summary>
    public const string AcquirePublishLock = """
        DECLARE @result INT;
        EXEC @result = sys.sp_getapplock @Resource = @resource, @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = 0;
        SELECT @result;
        """;

    /// <summary>Creates a schema when missing; its name goes through QUOTENAME on the server.</summary>
    public const string EnsureSchema = """
        IF SCHEMA_ID(@schema) IS NULL
            EXEC (N'CREATE SCHEMA ' + QUOTENAME(@schema));
        """;

    /// <summary>The columns of every table in a schema.</summary>
    public const string ReadColumns = """
        SELECT t.name AS TableName, c.name AS ColumnName, ty.name AS TypeName, c.max_length AS MaxLength,
               c.precision AS Precision, c.scale AS Scale, c.is_nullable AS IsNullable
        FROM sys.tables AS t
        JOIN sys.columns AS c ON c.object_id = t.object_id
        JOIN sys.types AS ty ON ty.user_type_id = c.user_type_id
        WHERE t.schema_id = SCHEMA_ID(@schema)
        ORDER BY t.name, c.column_id;
        """;

    /// <summary>The publish log and the schema version history, created once in the target schema.</summary>
    public static string EnsureMetadataTables(string schema) => $"""
        IF OBJECT_ID(@publishTable, N'U') IS NULL
            CREATE TABLE {Identifiers.SqlServer(schema, PublishTable)} (
                publish_id       UNIQUEIDENTIFIER NOT NULL CONSTRAINT {Identifiers.SqlServer("PK_" + PublishTable)} PRIMARY KEY,
                run_id           NVARCHAR(64)     NOT NULL,
                as_of            DATE             NOT NULL,
                started_at       DATETIME2(3)     NOT NULL,
                finished_at      DATETIME2(3)     NULL,
                status           NVARCHAR(16)     NOT NULL,
                tables_published INT              NULL,
                rows_published   BIGINT           NULL,
                schema_version   INT              NULL,
                error            NVARCHAR(4000)   NULL,
                host             NVARCHAR(128)    NULL
            );
        IF OBJECT_ID(@versionTable, N'U') IS NULL
            CREATE TABLE {Identifiers.SqlServer(schema, SchemaVersionTable)} (
                change_id  INT IDENTITY(1, 1) NOT NULL CONSTRAINT {Identifiers.SqlServer("PK_" + SchemaVersionTable)} PRIMARY KEY,
                version    INT                NOT NULL,
                applied_at DATETIME2(3)       NOT NULL,
                run_id     NVARCHAR(64)       NOT NULL,
                table_name NVARCHAR(128)      NOT NULL,
                change     NVARCHAR(4000)     NOT NULL
            );
        """;

    /// <summary>A table of the plan's columns, a heap until its rows are in (indexes are built after the load).</summary>
    public static string CreateTable(string schema, TargetTable table) => $"""
        DROP TABLE IF EXISTS {Identifiers.SqlServer(schema, table.Name)};
        CREATE TABLE {Identifiers.SqlServer(schema, table.Name)} (
            {string.Join(",\n    ", table.Columns.Select(c => $"{Identifiers.SqlServer(c.Name)} {c.Type} {(c.IsNullable ? "NULL" : "NOT NULL")}"))}
        );
        """;

    /// <summary>The indexes of a loaded table: a clustered columnstore and/or the primary key; null when it has neither.</summary>
    public static string? CreateIndexes(string schema, TargetTable table)
    {
        var statements = new List<string>();
        var name = Identifiers.SqlServer(schema, table.Name);
        if (table.Columnstore)
        {
            statements.Add($"CREATE CLUSTERED COLUMNSTORE INDEX {Identifiers.SqlServer("CCI_" + table.Name)} ON {name};");
        }

        if (table.PrimaryKey.Count > 0)
        {
            var kind = table.Columnstore ? "NONCLUSTERED" : "CLUSTERED";
            statements.Add($"ALTER TABLE {name} ADD CONSTRAINT {Identifiers.SqlServer("PK_" + table.Name)} PRIMARY KEY {kind} ({string.Join(", ", table.PrimaryKey.Select(Identifiers.SqlServer))});");
        }

        return statements.Count == 0 ? null : string.Join("\n", statements);
    }

    public static string CountRows(string schema, string table) => $"SELECT COUNT_BIG(*) FROM {Identifiers.SqlServer(schema, table)};";

    /// <summary>Rows per date of a snapshot table on the server.</summary>
    public static string DateCounts(string schema, string table, string dateColumn) => $"""
        SELECT CAST({Identifiers.SqlServer(dateColumn)} AS DATETIME2(7)) AS [Day], COUNT_BIG(*) AS [Rows]
        FROM {Identifiers.SqlServer(schema, table)}
        GROUP BY {Identifiers.SqlServer(dateColumn)};
        """;

    public static string DropTable(string schema, string table) => $"DROP TABLE IF EXISTS {Identifiers.SqlServer(schema, table)};";

    /// <summary>Inside the switch transaction: the published table is replaced by the loaded one (a rollback restores it).</summary>
    public static string Replace(string schema, string stagingSchema, string table) => $"""
        DROP TABLE IF EXISTS {Identifiers.SqlServer(schema, table)};
        ALTER SCHEMA {Identifiers.SqlServer(schema)} TRANSFER {Identifiers.SqlServer(stagingSchema, table)};
        """;

    /// <summary>Inside the switch transaction: a snapshot table's dates from <c>@from</c> on are replaced by the loaded ones.</summary>
    public static string MergeWindow(string schema, string stagingSchema, TargetTable table)
    {
        var columns = string.Join(", ", table.Columns.Select(c => Identifiers.SqlServer(c.Name)));
        var date = Identifiers.SqlServer(table.SnapshotDateColumn ?? throw new InvalidOperationException($"{table.Name} is not a snapshot table."));
        return $"""
            DELETE FROM {Identifiers.SqlServer(schema, table.Name)} WHERE {date} >= @from;
            INSERT INTO {Identifiers.SqlServer(schema, table.Name)} WITH (TABLOCK) ({columns})
            SELECT {columns} FROM {Identifiers.SqlServer(stagingSchema, table.Name)};
            DROP TABLE {Identifiers.SqlServer(stagingSchema, table.Name)};
            """;
    }

    /// <summary>The current schema version, locking the history until the transaction ends.</summary>
    public static string CurrentSchemaVersion(string schema) =>
        $"SELECT ISNULL(MAX(version), 0) FROM {Identifiers.SqlServer(schema, SchemaVersionTable)} WITH (UPDLOCK, HOLDLOCK);";

    public static string InsertSchemaChange(string schema) => $"""
        INSERT INTO {Identifiers.SqlServer(schema, SchemaVersionTable)} (version, applied_at, run_id, table_name, change)
        VALUES (@Version, SYSUTCDATETIME(), @RunId, @TableName, @Change);
        """;

    public static string InsertPublish(string schema) => $"""
        INSERT INTO {Identifiers.SqlServer(schema, PublishTable)}
            (publish_id, run_id, as_of, started_at, finished_at, status, tables_published, rows_published, schema_version, error, host)
        VALUES (@PublishId, @RunId, @AsOf, @StartedAt, @FinishedAt, @Status, @Tables, @Rows, @SchemaVersion, @Error, @Host);
        """;

    public static string IsPublished(string schema) =>
        $"SELECT COUNT(*) FROM {Identifiers.SqlServer(schema, PublishTable)} WHERE publish_id = @publishId AND status = N'succeeded';";
}
