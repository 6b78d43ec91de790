using C2C.Analytics.Cli.Operations.Logging;
using C2C.Analytics.Pipeline.Run;
using Spectre.Console;

namespace C2C.Analytics.Cli.Operations;

/// <summary>
/// Progress bars on a terminal while a run goes: one line per step, the model step counting models built. Fed by
/// the runner's <see cref="PipelineRunner.Progress"/> lines (a step announces itself as "name…", each model as
/// "model name: …"); log lines keep printing above the bars.
/// </summary>
internal sealed class TerminalProgress(IAnsiConsole console)
{
    public static TerminalProgress ForStandardError(TextWriter error) =>
        new(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error), Interactive = InteractionSupport.Yes }));

    public async Task<RunSummary> ShowAsync(PipelineRunner runner, int models, LineLoggerProvider logLines, Func<Task<RunSummary>> run)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(logLines);
        ArgumentNullException.ThrowIfNull(run);
        var plain = logLines.WriteLine;
        logLines.WriteLine = line => console.WriteLine(line);
        try
        {
            return await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var steps = new StepTracker(context, models);
                    runner.Progress += steps.OnLine;
                    try
                    {
                        return await run().ConfigureAwait(false);
                    }
                    finally
                    {
                        runner.Progress -= steps.OnLine;
                        steps.Finish();
                    }
                }).ConfigureAwait(false);
        }
        finally
        {
            logLines.WriteLine = plain;
        }
    }

    /// <summary>Turns progress lines into progress tasks: a new task per step, the model step counted model by model.</summary>
    internal sealed class StepTracker(ProgressContext context, int models)
    {
        private ProgressTask? _step;
        private string? _name;

        public void OnLine(string line)
        {
            if (line.EndsWith('…'))
            {
                Finish();
                _name = line.TrimEnd('…');
                _step = context.AddTask(_name, maxValue: _name == "models" ? Math.Max(models, 1) : 1);
                _step.IsIndeterminate = _name != "models";
            }
            else if (_name == "models" && line.StartsWith("model ", StringComparison.Ordinal))
            {
                _step?.Increment(1);
            }
        }

        public void Finish()
        {
            if (_step is { } step)
            {
                step.IsIndeterminate = false;
                step.Value = step.MaxValue;
                step.StopTask();
            }
        }
    }
}
