using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Rectification;

/// <summary>
/// One problem as its page shows it: where it lies, its steps, deadline extensions, evidence (with the files'
/// names) and field history, and which actions the signed-in user may take now with the reason for each one they
/// may not. Null when it does not exist or lies outside the user's scope.
/// </summary>
public sealed class GetProblem(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public sealed record EvidenceRow(DateTimeOffset At, string ByName, string? Text, int? AttachmentId, string? FileName, string? ContentType);

    public sealed record ChangeRow(DateTimeOffset At, string? UserName, string Field, string? OldValue, string? NewValue);

    public sealed record Result(
        Problem Problem, string TownshipName, string? VillageName, string? HouseholdNumber, DueStanding Standing, string DueText,
        IReadOnlyList<EvidenceRow> Evidence, IReadOnlyList<ChangeRow> Changes,
        IReadOnlyDictionary<ProblemAction, string?> WhyNot, bool CanEdit);

    public async Task<Result?> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var problem = await db.Problems.AsNoTracking().AsSplitQuery()
            .Include(p => p.Steps).Include(p => p.Extensions).Include(p => p.Evidence)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (problem is null) return null;
        problem.Steps = problem.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).ToList();
        problem.Extensions = problem.Extensions.OrderBy(e => e.At).ThenBy(e => e.Id).ToList();

        var township = await db.Townships.Where(t => t.Id == problem.TownshipId).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        var village = problem.VillageId is int v ? await db.Villages.Where(x => x.Id == v).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var household = problem.HouseholdId is int h ? await db.Households.Where(x => x.Id == h).Select(x => x.HouseholdNumber).FirstOrDefaultAsync(cancellationToken) : null;

        var attachmentIds = problem.Evidence.Select(e => e.AttachmentId).OfType<int>().ToList();
        var files = await db.Attachments.Where(a => attachmentIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => (a.FileName, a.ContentType), cancellationToken);
        var evidence = problem.Evidence.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e =>
        {
            var file = e.AttachmentId is int a && files.TryGetValue(a, out var f) ? f : default;
            return new EvidenceRow(e.At, e.ByName, e.Text, e.AttachmentId, file.FileName, file.ContentType);
        }).ToList();

        var changes = await db.FieldChanges.Where(c => c.EntityType == nameof(Problem) && c.EntityId == id)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Take(500)
            .Select(c => new ChangeRow(c.At, c.UserName, c.Field, c.OldValue, c.NewValue))
            .ToListAsync(cancellationToken);

        var actor = ProblemCommands.Actor(currentUser);
        var whyNot = Enum.GetValues<ProblemAction>().ToDictionary(a => a, a => problem.WhyNot(a, actor));
        var today = PortalYears.Today(clock);
        return new Result(problem, township, village, household, ProblemDue.Standing(problem, today), ProblemDue.Describe(problem, today),
            evidence, changes, whyNot, PortalRoles.CanRaiseProblems(currentUser.Role) && problem.IsOpen);
    }
}
