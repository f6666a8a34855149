using PovertyPortal.LoadTests;
using PovertyPortal.LoadTests.Load;

// PovertyPortal.LoadTests: a load client of real Blazor Server circuits (README.md).
//   --probe PATH   look at one page as the client sees it
//   otherwise      a bounded load run (LoadOptions)
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine("See tests/PovertyPortal.LoadTests/README.md for the options.");
    return 0;
}

if (args.Contains("--self-test")) return SelfTest.Run();

if (args.Contains("--probe"))
{
    string Arg(string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
    return await Probe.RunAsync(new Uri(Arg("--url", "http://127.0.0.1:5281/")), Arg("--user", "township"),
        Environment.GetEnvironmentVariable("PORTAL_LOAD_PASSWORD") ?? "", Arg("--probe", "/"));
}

// Many circuits start at once: let the thread pool grow without its slow injection delay.
ThreadPool.SetMinThreads(64, 64);
return await new LoadRunner(LoadOptions.Parse(args)).RunAsync();
