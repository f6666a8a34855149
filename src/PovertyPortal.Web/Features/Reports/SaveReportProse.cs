using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Reports;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Reports;

/// <summary>Saves the team's own writing for a village's report of one year as a new version.</summary>
public sealed class SaveReportProse(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public sealed class Command
    {
        public int VillageId { get; set; }
        public int Year { get; set; }
        public string? Introduction { get; set; }

        /// <summary>主要做法, one item per line.</summary>
        public string? Practices { get; set; }
        public string? Closing { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Year).InclusiveBetween(PortalYears.FirstWorkYear, PortalYears.LastPlanningYear)
                .WithMessage($"年度应在{PortalYears.FirstWorkYear}至{PortalYears.LastPlanningYear}年之间");
            RuleFor(c => c.Introduction).MaximumLength(ReportProseVersion.MaxParagraphLength).WithMessage($"开头语不能超过{ReportProseVersion.MaxParagraphLength}个字");
            RuleFor(c => c.Practices).MaximumLength(ReportProseVersion.MaxParagraphLength * 2).WithMessage($"主要做法不能超过{ReportProseVersion.MaxParagraphLength * 2}个字");
            RuleFor(c => c.Closing).MaximumLength(ReportProseVersion.MaxParagraphLength).WithMessage($"结束语不能超过{ReportProseVersion.MaxParagraphLength}个字");
        }
    }

    /// <summary>The new version number.</summary>
    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanEditReportProse(currentUser.Role)) return new(CommandResult.Fail("您没有编辑履职报告文字的权限"), 0);
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var village = await db.Villages.FirstOrDefaultAsync(v => v.Id == command.VillageId, cancellationToken);
        if (village is null) return new(CommandResult.Fail("该村不存在或不在您的管辖范围内"), 0);

        var latest = await db.ReportProseVersions.Where(p => p.VillageId == village.Id && p.Year == command.Year)
            .MaxAsync(p => (int?)p.Version, cancellationToken) ?? 0;
        var version = new ReportProseVersion
        {
            CountyId = village.CountyId,
            TownshipId = village.TownshipId,
            VillageId = village.Id,
            Year = command.Year,
            Version = latest + 1,
            Introduction = Clean(command.Introduction),
            Practices = Clean(command.Practices),
            Closing = Clean(command.Closing),
        };
        db.ReportProseVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new(CommandResult.Fail("他人刚刚保存了新版本，请刷新后再保存"), 0);
        }
        return new(CommandResult.Success, version.Version);
    }

    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
