using System.Diagnostics;
using C2C.Analytics.PowerBi.Tests.Support;

namespace C2C.Analytics.PowerBi.Tests;

/// <summary>
/// Every JSON file of the Power BI project (.pbip, .platform, definition.pbism, definition.pbir, the PBIR report files)
/// validated against Microsoft's published JSON schema its <c>$schema</c> names, with Python's jsonschema (no .NET
/// validator restores here). The schemas live outside the repository (<c>../shared/schemas/microsoft-json-schemas</c>, or
/// <c>$C2C_PBIP_SCHEMAS</c>); where they or Python's jsonschema are missing the test is skipped and says why.
/// </summary>
public sealed class PbipSchemaTests
{
    [SchemaFact]
    public void Every_JSON_file_of_the_project_is_valid_against_its_Microsoft_schema()
    {
        var script = Path.Combine(Path.GetTempPath(), "c2c-validate-pbip-" + Guid.NewGuid().ToString("N") + ".py");
        File.WriteAllText(script, ValidatorScript);
        try
        {
            var (exitCode, output) = Run("python3", script, SchemaFactAttribute.SchemasDirectory!, Repository.PowerBi);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(exitCode == 0, "files that break their schema:\n" + string.Join("\n", lines.Where(l => !l.StartsWith("OK", StringComparison.Ordinal))));
            var jsonFiles = Directory.GetFiles(Repository.PowerBi, "*", SearchOption.AllDirectories)
                .Count(f => Path.GetExtension(f) is ".json" or ".pbip" or ".pbir" or ".pbism" || Path.GetFileName(f) == ".platform");
            Assert.Equal(jsonFiles, lines.Count(l => l.StartsWith("OK", StringComparison.Ordinal)));
        }
        finally
        {
            File.Delete(script);
        }
    }

    [SchemaFact]
    public void The_validator_rejects_a_file_that_breaks_its_schema()
    {
        var project = Path.Combine(Path.GetTempPath(), "c2c-bad-pbip-" + Guid.NewGuid().ToString("N"));
        var script = project + ".py";
        Directory.CreateDirectory(project);
        File.WriteAllText(script, ValidatorScript);
        // A page without its required displayOption, and a .pbip naming a semantic model (Desktop refuses both).
        File.WriteAllText(Path.Combine(project, "page.json"),
            """{"$schema": "https://developer.microsoft.com/json-schemas/fabric/item/report/definition/page/1.3.0/schema.json", "name": "p", "displayName": "P"}""");
        File.WriteAllText(Path.Combine(project, "x.pbip"),
            """{"$schema": "https://developer.microsoft.com/json-schemas/fabric/pbip/pbipProperties/1.0.0/schema.json", "version": "1.0", "artifacts": [{"semanticModel": {"path": "x"}}]}""");
        try
        {
            var (exitCode, output) = Run("python3", script, SchemaFactAttribute.SchemasDirectory!, project);

            Assert.Equal(1, exitCode);
            Assert.Contains("FAIL page.json", output, StringComparison.Ordinal);
            Assert.Contains("FAIL x.pbip", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
            File.Delete(script);
        }
    }

    private static (int ExitCode, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }

    /// <summary>
    /// Registers every schema under the address its folder gives it (how the files' <c>$schema</c> and the schemas' own
    /// relative references name them), then validates each project file against the schema its <c>$schema</c> names.
    /// Prints OK or FAIL per file; exits 1 when one fails.
    /// </summary>
    private const string ValidatorScript = """
        import json, pathlib, sys
        from jsonschema import Draft7Validator
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT7

        schemas, project = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
        base = "https://developer.microsoft.com/json-schemas/"
        resources = []
        for path in schemas.rglob("*.json"):
            resources.append((base + path.relative_to(schemas).as_posix(),
                              Resource.from_contents(json.loads(path.read_text(encoding="utf-8")), default_specification=DRAFT7)))
        registry = Registry().with_resources(resources)
        failed = False
        for path in sorted(project.rglob("*")):
            if not path.is_file() or not (path.suffix in (".json", ".pbip", ".pbir", ".pbism") or path.name == ".platform"):
                continue
            name = path.relative_to(project).as_posix()
            try:
                document = json.loads(path.read_text(encoding="utf-8"))
                uri = document.get("$schema")
                if not uri:
                    raise ValueError("no $schema")
                registry.get_or_retrieve(uri)
                errors = sorted(Draft7Validator({"$ref": uri}, registry=registry).iter_errors(document), key=lambda e: list(e.path))
                if errors:
                    raise ValueError("; ".join(f"{'/'.join(map(str, e.path)) or '(root)'}: {e.message}" for e in errors[:5]))
                print(f"OK {name}")
            except Exception as error:
                failed = True
                print(f"FAIL {name}: {error}")
        sys.exit(1 if failed else 0)
        """;
}
