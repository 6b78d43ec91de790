using System.Diagnostics;
using System.Text;

namespace C2C.Analytics.Cli.Tests.Support;

/// <summary>
/// The built program, <c>dotnet c2c.dll</c> beside this test assembly, as a separate process: for what only a real
/// process shows (an OS lock held by another process, SIGKILL, SIGTERM). Standard error is collected line by line so
/// that a test can wait for a line (the pause marker) while the process goes on.
/// </summary>
internal sealed class C2cProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();
    private readonly Lock _gate = new();

    private C2cProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public string Error
    {
        get
        {
            lock (_gate)
            {
                return _error.ToString();
            }
        }
    }

    public string Out
    {
        get
        {
            lock (_gate)
            {
                return _out.ToString();
            }
        }
    }

    public static C2cProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "c2c.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var c2c = new C2cProcess(process);
        process.OutputDataReceived += (_, e) => c2c.Append(c2c._out, e.Data);
        process.ErrorDataReceived += (_, e) => c2c.Append(c2c._error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return c2c;
    }

    /// <summary>Runs to the end (at most <paramref name="timeout"/>) and returns the exit code.</summary>
    public static (int ExitCode, string Out, string Error) Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var exitCode = process.WaitForExit(timeout);
        return (exitCode, process.Out, process.Error);
    }

    /// <summary>Waits until standard error has a line containing <paramref name="text"/>; fails if the process ends first.</summary>
    public void WaitForError(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Error.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                _process.WaitForExit();
                Assert.Fail($"c2c exited ({_process.ExitCode}) before printing '{text}'. Standard error:\n{Error}");
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"c2c did not print '{text}' within {timeout}. Standard error:\n{Error}");
            }

            Thread.Sleep(50);
        }
    }

    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"c2c did not finish within {timeout}. Standard error:\n{Error}");
        }

        _process.WaitForExit(); // drains the output readers
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process gets no chance to clean up, as with kill -9 or a power cut.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as systemd sends on a stop.</summary>
    public void Terminate()
    {
        Assert.Equal(0, SysKill(_process.Id, 15));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SysKill(int pid, int signal);

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            target.AppendLine(line);
        }
    }
}
