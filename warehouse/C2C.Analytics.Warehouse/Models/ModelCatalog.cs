using System.Text.RegularExpressions;

namespace C2C.Analytics.Warehouse.Models;

/// <summary>
/// The SQL models under a folder (<c>staging/</c>, <c>core/</c>, <c>marts/</c>), in the order they must run. A model
/// depends on every model it names in its SQL or in its <c>-- depends:</c> header; ties run in layer, then name order,
/// so the order is the same on every machine.
/// </summary>
public sealed partial class ModelCatalog
{
    public static readonly IReadOnlyList<string> Layers = ["staging", "intermediate", "core", "marts"];

    private ModelCatalog(IReadOnlyList<SqlModel> ordered) => Models = ordered;

    /// <summary>The models in execution order.</summary>
    public IReadOnlyList<SqlModel> Models { get; }

    /// <summary>The folder beside the assemblies where the build places the models.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "models");

    public static ModelCatalog Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ModelCatalogException($"The models folder '{directory}' does not exist.");
        }

        var models = new List<SqlModel>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.sql", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(directory, file).Replace('\\', '/');
            var layer = relative.Contains('/', StringComparison.Ordinal) ? relative[..relative.IndexOf('/', StringComparison.Ordinal)] : "";
            if (!Layers.Contains(layer))
            {
                throw new ModelCatalogException($"{relative}: a model must sit in one of the layer folders {string.Join(", ", Layers)}.");
            }

            var name = Path.GetFileNameWithoutExtension(file);
            if (!ValidName().IsMatch(name))
            {
                throw new ModelCatalogException($"{relative}: '{name}' is not a valid table name (lower case letters, digits and underscores).");
            }

            var sql = File.ReadAllText(file);
            var header = ModelHeaderParser.Parse(relative, sql);
            models.Add(new SqlModel(name, layer, relative, sql, header.Materialization, header.Depends, header.Description)
            {
                ReplaceWhere = header.ReplaceWhere,
                History = header.History,
                PrimaryKey = header.PrimaryKey,
                MaxLengths = header.MaxLengths,
            });
        }

        return FromModels(models);
    }

    /// <summary>Orders the given models; used by <see cref="Load"/> and by tests that build models in memory.</summary>
    public static ModelCatalog FromModels(IEnumerable<SqlModel> models)
    {
        var byName = new Dictionary<string, SqlModel>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            if (!byName.TryAdd(model.Name, model))
            {
                throw new ModelCatalogException($"Two models are named '{model.Name}': {byName[model.Name].RelativePath} and {model.RelativePath}.");
            }
        }

        var resolved = byName.Values.Select(model => model with { Dependencies = ResolveDependencies(model, byName) }).ToList();
        return new ModelCatalog(TopologicalOrder(resolved));
    }

    public SqlModel? Find(string name) => Models.FirstOrDefault(m => m.Name == name);

    /// <summary>The models that read <paramref name="name"/>, directly.</summary>
    public IEnumerable<SqlModel> ReadersOf(string name) => Models.Where(m => m.Dependencies.Contains(name));

    private static List<string> ResolveDependencies(SqlModel model, Dictionary<string, SqlModel> byName)
    {
        foreach (var declared in model.DeclaredDependencies)
        {
            if (!byName.ContainsKey(declared))
            {
                throw new ModelCatalogException($"{model.RelativePath}: depends on '{declared}', which is not a model.");
            }
        }

        // The header's SQL (replace_where, as_of, retain_when) is read like the body: a model it names is a dependency.
        var code = string.Join('\n', model.DirectiveSql.Prepend(model.Sql).Select(StripCommentsAndStrings));
        var found = Identifier().Matches(code)
            .Select(m => m.Value.ToLowerInvariant())
            .Where(id => id != model.Name && byName.ContainsKey(id));
        return model.DeclaredDependencies.Concat(found).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private static List<SqlModel> TopologicalOrder(List<SqlModel> models)
    {
        int Rank(SqlModel m) => Layers.ToList().IndexOf(m.Layer);
        var remaining = models.ToDictionary(m => m.Name, m => m.Dependencies.Count, StringComparer.Ordinal);
        var ready = new SortedSet<SqlModel>(Comparer<SqlModel>.Create((a, b) =>
        {
            var byLayer = Rank(a).CompareTo(Rank(b));
            return byLayer != 0 ? byLayer : string.CompareOrdinal(a.Name, b.Name);
        }));
        foreach (var model in models.Where(m => m.Dependencies.Count == 0))
        {
            ready.Add(model);
        }

        var ordered = new List<SqlModel>(models.Count);
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            ordered.Add(next);
            foreach (var reader in models.Where(m => m.Dependencies.Contains(next.Name)))
            {
                if (--remaining[reader.Name] == 0)
                {
                    ready.Add(reader);
                }
            }
        }

        if (ordered.Count != models.Count)
        {
            var cycle = models.Where(m => !ordered.Contains(m)).Select(m => m.Name).Order(StringComparer.Ordinal);
            throw new ModelCatalogException($"The models depend on each other in a cycle: {string.Join(", ", cycle)}.");
        }

        return ordered;
    }

    /// <summary>SQL without its comments and string literals, so that a name in either is not taken for a reference.</summary>
    internal static string StripCommentsAndStrings(string sql) => CommentOrString().Replace(sql, " ");

    [GeneratedRegex(@"--[^\n]*|/\*.*?\*/|'(?:[^']|'')*'", RegexOptions.Singleline)]
    private static partial Regex CommentOrString();

    [GeneratedRegex(@"(?<![A-Za-z0-9_.""])[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Identifier();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex ValidName();
}
