using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Users;
using PovertyPortal.Documents.Rendering;
using PovertyPortal.Documents.PerformanceReport;
using PovertyPortal.Web.Features.Reports;

namespace PovertyPortal.Web.Infrastructure;

/// <summary>
/// `report --village CODE_OR_NAME --year YYYY --format pdf|docx --out PATH [--user USERNAME] [--public]`: one village's
/// performance report, for batch use. Without --user it runs with the whole database in view (county IT staff on the
/// server); with --user it sees exactly what that user sees. Exit codes: 0 written, 1 cannot (unknown village, no data
/// for the year, no Chinese font), 2 bad arguments. Reasons go to stderr in Chinese.
/// </summary>
public static class ReportCommand
{
    private const string Usage = "用法：report --village 村代码或村名 --year 年度 --format pdf|docx --out 输出文件 [--user 用户名] [--public]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var villageKey = Option(args, "--village");
        var yearText = Option(args, "--year");
        var format = PerformanceReportFiles.ParseFormat(Option(args, "--format") ?? "pdf");
        var output = Option(args, "--out");
        var userName = Option(args, "--user");
        if (villageKey is null || yearText is null || output is null)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year < PortalYears.FirstWorkYear || year > PortalYears.LastPlanningYear)
        {
            await Console.Error.WriteLineAsync($"年度“{yearText}”无效，应为{PortalYears.FirstWorkYear}至{PortalYears.LastPlanningYear}之间的四位数字");
            return 2;
        }
        if (format is null)
        {
            await Console.Error.WriteLineAsync($"格式“{Option(args, "--format")}”无效，应为 pdf 或 docx");
            return 2;
        }
        var edition = args.Contains("--public") ? ReportEdition.Public : ReportEdition.Internal;

        if (userName is not null)
        {
            if (!await CommandLineUser.SignInAsync(services, userName)) return 2;
        }
        else
        {
            var authentication = (IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>();
            // County IT staff on the server: the whole database, as the other server commands (migrate, generate-county).
            var system = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "report-command"), new Claim(ClaimTypes.Role, PortalRoles.SystemAdmin)], "command-line"));
            authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(system)));
        }

        var loader = services.GetRequiredService<LoadPerformanceReport>();
        var villages = await loader.FindVillagesAsync(villageKey);
        if (villages.Count == 0)
        {
            await Console.Error.WriteLineAsync($"找不到村“{villageKey}”（按12位统计用区划代码或村名查找{(userName is null ? "" : "，仅限该用户的管辖范围")}）");
            return 1;
        }
        if (villages.Count > 1)
        {
            await Console.Error.WriteLineAsync($"有{villages.Count}个村名为“{villageKey}”，请改用区划代码：" +
                string.Join("，", villages.Select(v => $"{v.TownshipName}{v.Name} {v.AdminCode}")));
            return 1;
        }
        var result = await loader.HandleAsync(villages[0].Id, year);
        if (result is null || !result.HasData)
        {
            await Console.Error.WriteLineAsync($"{villages[0].Name}没有{year}年的数据（村基本情况和建档立卡贫困户均无），无法生成报告");
            return 1;
        }
        foreach (var problem in result.Problems) await Console.Error.WriteLineAsync($"提示：数据矛盾：{problem}");

        byte[] bytes;
        try
        {
            bytes = services.GetRequiredService<PerformanceReportFiles>().Render(result.Data, format.Value, edition);
        }
        catch (ReportFontException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(output));
        if (directory is not null) Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(output, bytes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"已生成 {output}（{PerformanceReportComposer.TitleOf(result.Data)}，{bytes.Length / 1024.0:0.#} KB，数据矛盾 {result.Problems.Count} 处）"));
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
