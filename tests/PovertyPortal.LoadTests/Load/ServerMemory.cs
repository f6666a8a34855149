using System.Globalization;

namespace PovertyPortal.LoadTests.Load;

/// <summary>Resident memory of the portal's processes, read from /proc/PID/status (VmRSS), summed.</summary>
public static class ServerMemory
{
    /// <summary>
    /// The PIDs to sample: --server-pids, or what --server-pids-command prints now (numbers separated by spaces,
    /// commas or lines), since a rolling restart replaces the instances' processes.
    /// </summary>
    public static IReadOnlyList<int> Resolve(LoadOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ServerPidsCommand)) return options.ServerPids;
        var info = new System.Diagnostics.ProcessStartInfo("bash", ["-c", options.ServerPidsCommand]) { RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Split([' ', ',', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0).Distinct().ToList();
    }

    /// <summary>Sum of VmRSS in MB, or null when no PID was given or none could be read.</summary>
    public static double? SumRssMb(IReadOnlyList<int> pids)
    {
        if (pids.Count == 0) return null;
        double totalKb = 0;
        var read = 0;
        foreach (var pid in pids)
        {
            try
            {
                foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                {
                    if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
                    totalKb += double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    read++;
                    break;
                }
            }
            catch (IOException) { /* the process is gone (a restart): counts as nothing */ }
            catch (UnauthorizedAccessException) { }
        }
        return read == 0 ? null : totalKb / 1024;
    }
}
