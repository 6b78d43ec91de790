using System.CommandLine;
using C2C.Analytics.Warehouse.Models;

namespace C2C.Analytics.Cli.Commands;

/// <summary><c>c2c models</c>: the SQL models in the order a run builds them, with what each reads.</summary>
internal sealed class ModelsCommand
{
    private readonly CliEnvironment _environment;

    public ModelsCommand(CliEnvironment environment)
    {
        _environment = environment;
        Command = new Command("models", "List the warehouse's SQL models in run order: layer, name, what each reads, and its description.");
        Command.SetAction(_ => Run());
    }

    public Command Command { get; }

    private int Run()
    {
        var catalog = ModelCatalog.Load(ModelCatalog.DefaultDirectory);
        var output = _environment.Out;
        var index = 0;
        foreach (var model in catalog.Models)
        {
            index++;
            output.WriteLine($"{index,3}. {model.Layer,-12} {model.Name}  ({model.RelativePath}, {model.Materialization.ToString().ToLowerInvariant()})");
            if (model.Dependencies.Count > 0)
            {
                output.WriteLine($"       reads: {string.Join(", ", model.Dependencies)}");
            }

            if (model.Description is { } description)
            {
                output.WriteLine($"       {description}");
            }
        }

        return ExitCodes.Success;
    }
}
