using System.Globalization;
using System.Text;
using C2C.Analytics.Cli;

// ICU is loaded (SqlClient needs it), but c2c's numbers, dates and sorting do not follow the machine's locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

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
