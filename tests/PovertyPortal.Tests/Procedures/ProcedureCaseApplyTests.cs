using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Procedures;
using static PovertyPortal.Tests.Procedures.ProcedureCases;

namespace PovertyPortal.Tests.Procedures;

/// <summary>Which household may have a case of each kind, and what an approved case writes on it.</summary>
public sealed class ProcedureCaseApplyTests
{
    public static TheoryData<ProcedureKind, HouseholdStatus, bool> Standings() => new()
    {
        { ProcedureKind.Identification, HouseholdStatus.NotRegistered, true },
        { ProcedureKind.Identification, HouseholdStatus.Removed, true },
        { ProcedureKind.Identification, HouseholdStatus.Identified, false },
        { ProcedureKind.Identification, HouseholdStatus.Exited, false },
        { ProcedureKind.Identification, HouseholdStatus.Returned, false },
        { ProcedureKind.Exit, HouseholdStatus.Identified, true },
        { ProcedureKind.Exit, HouseholdStatus.Returned, true },
        { ProcedureKind.Exit, HouseholdStatus.Exited, false },
        { ProcedureKind.Exit, HouseholdStatus.NotRegistered, false },
        { ProcedureKind.Exit, HouseholdStatus.Removed, false },
        { ProcedureKind.Return, HouseholdStatus.Exited, true },
        { ProcedureKind.Return, HouseholdStatus.Identified, false },
        { ProcedureKind.Return, HouseholdStatus.Returned, false },
        { ProcedureKind.Return, HouseholdStatus.NotRegistered, false },
        { ProcedureKind.Return, HouseholdStatus.Removed, false },
        { ProcedureKind.Monitoring, HouseholdStatus.NotRegistered, true },
        { ProcedureKind.Monitoring, HouseholdStatus.Exited, true },
        { ProcedureKind.Monitoring, HouseholdStatus.Identified, true },
        { ProcedureKind.Monitoring, HouseholdStatus.Returned, true },
        { ProcedureKind.Monitoring, HouseholdStatus.Removed, false },
        { ProcedureKind.Removal, HouseholdStatus.Identified, true },
        { ProcedureKind.Removal, HouseholdStatus.Exited, true },
        { ProcedureKind.Removal, HouseholdStatus.Returned, true },
        { ProcedureKind.Removal, HouseholdStatus.NotRegistered, false },
        { ProcedureKind.Removal, HouseholdStatus.Removed, false },
    };

    [Theory]
    [MemberData(nameof(Standings))]
    public void A_case_suits_the_households_registration_status(ProcedureKind kind, HouseholdStatus status, bool allowed)
    {
        var result = ProcedureCase.Allows(kind, Household(status));
        Assert.Equal(allowed, result.Succeeded);
        if (!allowed) Assert.False(string.IsNullOrWhiteSpace(result.Refusal));
    }

    [Fact]
    public void The_refusal_names_the_households_present_status()
    {
        Assert.Contains("已脱贫", Refused(ProcedureCase.Allows(ProcedureKind.Exit, Household(HouseholdStatus.Exited))));
        Assert.Contains("未脱贫", Refused(ProcedureCase.Allows(ProcedureKind.Identification, Household(HouseholdStatus.Identified))));
    }

    [Fact]
    public void Monitoring_is_refused_while_the_household_is_monitored_and_allowed_again_once_its_risk_is_eliminated()
    {
        Assert.Contains("风险尚未消除", Refused(ProcedureCase.Allows(ProcedureKind.Monitoring, Household(HouseholdStatus.Exited, MonitoringType.UnstableExited))));
        Ok(ProcedureCase.Allows(ProcedureKind.Monitoring, Household(HouseholdStatus.Exited, MonitoringType.UnstableExited, new DateOnly(2025, 6, 1))));
    }

    [Fact]
    public void Risk_elimination_is_for_a_monitored_household_whose_risk_stands()
    {
        Ok(ProcedureCase.Allows(ProcedureKind.RiskElimination, Household(HouseholdStatus.NotRegistered, MonitoringType.Marginal)));
        Refused(ProcedureCase.Allows(ProcedureKind.RiskElimination, Household(HouseholdStatus.Exited)));
        Refused(ProcedureCase.Allows(ProcedureKind.RiskElimination, Household(HouseholdStatus.Exited, MonitoringType.UnstableExited, new DateOnly(2025, 6, 1))));
    }

    [Fact]
    public void Only_an_approved_case_changes_the_household()
    {
        foreach (var c in new[] { Proposed(ProcedureKind.Exit), Reviewed(), Publicised(), AtCounty() })
        {
            var h = Household(HouseholdStatus.Identified);
            Assert.Contains("只有已批准的程序", Refused(c.ApplyTo(h)));
            Assert.Equal(HouseholdStatus.Identified, h.Status);
            Assert.Empty(h.StatusHistory);
        }
    }

    [Fact]
    public void An_approved_case_is_checked_against_the_standing_again_when_it_is_applied()
    {
        var c = Approved(ProcedureKind.Exit);
        // Exited by another case (or an import) while this one was under way.
        var h = Household(HouseholdStatus.Exited);
        Refused(c.ApplyTo(h));
        Assert.Equal(2019, h.ExitYear);
        Assert.Empty(h.StatusHistory);
    }

    [Fact]
    public void Identification_registers_the_household_with_its_category_cause_and_year_and_a_linked_step()
    {
        var c = Approved(ProcedureKind.Identification);
        var h = SuitedTo(ProcedureKind.Identification);
        Ok(c.ApplyTo(h));

        Assert.Equal(HouseholdStatus.Identified, h.Status);
        Assert.Equal(PovertyCategory.Dibao, h.Category);
        Assert.Equal(PovertyCause.LackOfLabour, h.PrimaryCause);
        Assert.Equal(2026, h.IdentificationYear);
        Assert.Null(h.ExitYear);
        var step = Assert.Single(h.StatusHistory);
        Assert.Equal((HouseholdStatus.Identified, CountyDay, 2026), (step.Status, step.EffectiveOn, step.Year));
        Assert.Same(c, step.ProcedureCase);
        Assert.Null(step.Reason);
        Assert.Equal((h.CountyId, h.TownshipId, h.VillageId), (step.CountyId, step.TownshipId, step.VillageId));
    }

    [Fact]
    public void A_removed_household_identified_again_loses_its_old_exit_year()
    {
        var c = Approved(ProcedureKind.Identification);
        c.ProposedYear = null;
        var h = Household(HouseholdStatus.Removed);
        h.ExitYear = 2018;
        Ok(c.ApplyTo(h));
        Assert.Null(h.ExitYear);
        Assert.Equal(CountyDay.Year, h.IdentificationYear);
        Assert.Equal(CountyDay.Year, Assert.Single(h.StatusHistory).Year);
    }

    [Fact]
    public void Exit_writes_the_proposed_exit_year_or_else_the_year_of_approval()
    {
        var c = Approved(ProcedureKind.Exit);
        c.ProposedYear = 2025;
        var h = SuitedTo(ProcedureKind.Exit);
        Ok(c.ApplyTo(h));
        Assert.Equal(HouseholdStatus.Exited, h.Status);
        Assert.Equal(2025, h.ExitYear);
        var step = Assert.Single(h.StatusHistory);
        Assert.Equal((HouseholdStatus.Exited, CountyDay, 2025), (step.Status, step.EffectiveOn, step.Year));
        Assert.Same(c, step.ProcedureCase);

        var without = Approved(ProcedureKind.Exit);
        without.ProposedYear = null;
        var other = Household(HouseholdStatus.Returned);
        Ok(without.ApplyTo(other));
        Assert.Equal(CountyDay.Year, other.ExitYear);
    }

    [Fact]
    public void Return_marks_the_household_returned_in_the_year_of_approval()
    {
        var c = Approved(ProcedureKind.Return);
        var h = SuitedTo(ProcedureKind.Return);
        Ok(c.ApplyTo(h));
        Assert.Equal(HouseholdStatus.Returned, h.Status);
        var step = Assert.Single(h.StatusHistory);
        Assert.Equal((HouseholdStatus.Returned, CountyDay, 2026), (step.Status, step.EffectiveOn, step.Year));
        Assert.Same(c, step.ProcedureCase);
        Assert.Null(step.Reason);
    }

    [Fact]
    public void Removal_records_the_cases_reason_as_the_removal_reason()
    {
        var c = Approved(ProcedureKind.Removal);
        c.Reason = "  家庭成员有财政供养人员，不符合识别标准  ";
        var h = SuitedTo(ProcedureKind.Removal);
        Ok(c.ApplyTo(h));
        Assert.Equal(HouseholdStatus.Removed, h.Status);
        var step = Assert.Single(h.StatusHistory);
        Assert.Equal(HouseholdStatus.Removed, step.Status);
        Assert.Equal("家庭成员有财政供养人员，不符合识别标准", step.Reason);
        Assert.Same(c, step.ProcedureCase);
    }

    [Fact]
    public void Monitoring_sets_the_type_and_the_day_of_intake_without_a_status_step()
    {
        var c = Approved(ProcedureKind.Monitoring);
        var h = Household(HouseholdStatus.Exited, MonitoringType.UnstableExited, new DateOnly(2025, 6, 1));
        Ok(c.ApplyTo(h));
        Assert.Equal(MonitoringType.Marginal, h.MonitoringType);
        Assert.Equal(CountyDay, h.MonitoringIdentifiedOn);
        Assert.Null(h.RiskEliminatedOn);
        Assert.Equal(HouseholdStatus.Exited, h.Status);
        Assert.Empty(h.StatusHistory);
    }

    [Fact]
    public void Risk_elimination_dates_the_elimination_and_keeps_the_type()
    {
        var c = Approved(ProcedureKind.RiskElimination);
        var h = SuitedTo(ProcedureKind.RiskElimination);
        Ok(c.ApplyTo(h));
        Assert.Equal(CountyDay, h.RiskEliminatedOn);
        Assert.Equal(MonitoringType.UnstableExited, h.MonitoringType);
        Assert.Equal(new DateOnly(2024, 4, 1), h.MonitoringIdentifiedOn);
        Assert.Empty(h.StatusHistory);

        Refused(c.ApplyTo(h));
    }
}
