using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Documents.Spreadsheets;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Reconciliation;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Features.Households;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Reconciliation;

/// <summary>
/// Takes one differing field over from the file into the register, on the user's explicit choice. Goes through the
/// member or household form's own handler (its validation, scope, field history and concurrency check), then writes an
/// audit entry naming the source and the file. The value is not quoted in the audit: it may be health data.
/// </summary>
public sealed class ApplyReconciliationDifference(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser,
    SaveMember saveMember, SaveHousehold saveHousehold, AuditLog auditLog, TimeProvider clock)
{
    public sealed record Command(CompareWithFile.Difference Difference, string SourceName, string FileName);

    public async Task<CommandResult> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var d = command.Difference;
        if (!PortalRoles.CanReconcile(currentUser.Role)) return CommandResult.Fail("您的角色不能进行账账相符比对");
        if (d is not { Kind: DifferenceKind.Field, Field: { } field, FileValue: { } value, MemberId: int memberId, HouseholdId: int householdId } || !d.CanApply)
        {
            return CommandResult.Fail("这条差异不能直接采用，请在户页面核实后修改");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        CommandResult outcome;
        string recordType;
        int recordId;
        if (field.IsHouseholdLevel())
        {
            var household = await db.Households.AsNoTracking().Include(h => h.StatusHistory)
                .FirstOrDefaultAsync(h => h.Id == householdId, cancellationToken);
            if (household is null) return CommandResult.Fail("该户不存在，或不在您的管辖范围内");
            var form = SaveHousehold.Command.From(household, clock.GetUtcNow());
            if (!SetHousehold(form, field, value)) return CommandResult.Fail($"文件中的“{value}”无法识别，不能采用");
            outcome = (await saveHousehold.HandleAsync(form, cancellationToken)).Outcome;
            (recordType, recordId) = (nameof(Household), householdId);
        }
        else
        {
            var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken);
            if (member is null) return CommandResult.Fail("该成员不存在，或不在您的管辖范围内");
            var form = SaveMember.Command.From(member, clock.GetUtcNow());
            if (!SetMember(form, field, value)) return CommandResult.Fail($"文件中的“{value}”无法识别，不能采用");
            outcome = (await saveMember.HandleAsync(form, cancellationToken)).Outcome;
            (recordType, recordId) = (nameof(Member), memberId);
        }
        if (!outcome.Succeeded) return outcome;

        await auditLog.WriteAsync(currentUser.UserName, AuditActions.ReconciliationApplied, AuditOutcome.Success, command.SourceName,
            recordType, recordId.ToString(CultureInfo.InvariantCulture),
            $"账账相符：按“{command.SourceName}”（文件“{Path.GetFileName(command.FileName)}”第{d.FileRow}行）修改{field.Label()}", cancellationToken);
        return CommandResult.Success;
    }

    private static bool SetHousehold(SaveHousehold.Command form, ReconciliationField field, string value)
    {
        switch (field)
        {
            case ReconciliationField.HouseholdStatus when RegisterValues.TryParse(value, out HouseholdStatus status):
                form.Status = status;
                return true;
            case ReconciliationField.Category when RegisterValues.TryParse(value, out PovertyCategory category):
                form.Category = category;
                return true;
            case ReconciliationField.MonitoringType when RegisterValues.TryParse(value, out MonitoringType type):
                form.MonitoringType = type;
                return true;
            case ReconciliationField.IdentificationYear when int.TryParse(value, CultureInfo.InvariantCulture, out var year):
                form.IdentificationYear = year;
                return true;
            case ReconciliationField.ExitYear when int.TryParse(value, CultureInfo.InvariantCulture, out var year):
                form.ExitYear = year;
                return true;
            default:
                return false;
        }
    }

    private static bool SetMember(SaveMember.Command form, ReconciliationField field, string value)
    {
        switch (field)
        {
            case ReconciliationField.Name:
                form.Name = value;
                return true;
            case ReconciliationField.Relationship when RegisterValues.TryParse(value, out Relationship relationship):
                form.Relationship = relationship;
                return true;
            case ReconciliationField.SchoolingStatus when RegisterValues.TryParse(value, out SchoolingStatus schooling):
                form.SchoolingStatus = schooling;
                return true;
            case ReconciliationField.BasicMedicalInsurance when value is "是" or "否":
                form.HasBasicMedicalInsurance = value == "是";
                return true;
            case ReconciliationField.Disability when ReconciliationValues.Grade(value) is { } label:
                var (disabled, grade) = ReconciliationValues.ParseGrade(label);
                if (!disabled)
                {
                    // A list of the disabled does not say what else a person is: only a grade or a disability is taken over.
                    return false;
                }
                form.Health = HealthStatus.Disabled;
                form.DisabilityGrade = grade;
                return true;
            default:
                return false;
        }
    }
}
