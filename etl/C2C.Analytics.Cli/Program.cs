using System.Text;
using C2C.Analytics.Cli;

// Standard output is buffered (results stream in large writes, not one system call per value) and flushed at exit.
var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
try
{
    return await CliApp.RunAsync(args, CliEnvironment.FromProcess(stdout));
}
finally
{
    stdout.Flush();
}
