using System.Globalization;
using PovertyPortal.Documents.Spreadsheets;
using PovertyPortal.Web.Features.Import;

namespace PovertyPortal.Web.Infrastructure;

/// <summary>
/// `import FILE --user USERNAME [--dry-run] [--create-areas]`: the portal's register import for county IT staff, with
/// the same checks, messages and scope as the page. Exit codes: 0 written (or a clean dry run), 1 nothing written
/// because of errors, 2 bad arguments.
/// </summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var file = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : null;
        var userIndex = Array.IndexOf(args, "--user");
        var userName = userIndex > 0 && userIndex + 1 < args.Length ? args[userIndex + 1] : null;
        if (file is null || userName is null)
        {
            await Console.Error.WriteLineAsync("用法：import 文件 --user 用户名 [--dry-run] [--create-areas]");
            return 2;
        }
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"找不到文件“{file}”");
            return 2;
        }
        var dryRun = args.Contains("--dry-run");
        var createAreas = args.Contains("--create-areas");

        if (!await CommandLineUser.SignInAsync(services, userName)) return 2;

        RegisterSheet sheet;
        await using (var stream = File.OpenRead(file))
        {
            sheet = await RegisterFileReader.ReadAsync(stream, file);
        }
        var result = await services.GetRequiredService<ImportRegister>().RunAsync(sheet, file, createAreas, dryRun);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"户：新增 {result.HouseholdsCreated}，修改 {result.HouseholdsUpdated}，不变 {result.HouseholdsUnchanged}；" +
            $"人：新增 {result.MembersCreated}，修改 {result.MembersUpdated}，不变 {result.MembersUnchanged}"));
        foreach (var village in result.Villages)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {village.Village}：户 +{village.HouseholdsCreated} ~{village.HouseholdsUpdated} ={village.HouseholdsUnchanged}；人 +{village.MembersCreated} ~{village.MembersUpdated} ={village.MembersUnchanged}"));
        }
        foreach (var area in result.AreasToCreate) Console.WriteLine($"  将新建 {area}");
        foreach (var missing in result.MissingMembers)
        {
            Console.WriteLine($"  提示：户编号“{missing.HouseholdNumber}”的成员 {missing.Name}（{missing.ResidentIdMasked}）不在文件中，未删除");
        }
        foreach (var warning in result.Warnings) Console.WriteLine($"  提示：{warning}");
        foreach (var error in result.Errors) await Console.Error.WriteLineAsync(error.ToString());

        if (result.Errors.Count > 0)
        {
            await Console.Error.WriteLineAsync($"共 {result.Errors.Count} 处错误，未写入任何数据。");
            return 1;
        }
        Console.WriteLine(result.Written ? "已导入。" : "试运行：未写入任何数据。");
        return 0;
    }
}
