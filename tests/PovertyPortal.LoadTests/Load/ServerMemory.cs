using System.Globalization;

namespace PovertyPortal.LoadTests.Load;

/// <summary>Resident memory of the portal's processes, read from /proc/PID/status (VmRSS), summed.</summary>
public static class ServerMemory
{
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
