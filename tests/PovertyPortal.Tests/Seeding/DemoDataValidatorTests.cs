using Microsoft.Extensions.Time.Testing;
using PovertyPortal.DemoData;
using PovertyPortal.Domain.Households;
using PovertyPortal.Web.Features.Households;

namespace PovertyPortal.Tests.Seeding;

/// <summary>
/// The demo county and the benchmarks' synthetic county hold only rows a user could have entered: every household
/// passes the household form's validator and every member the member form's, as a save of the unchanged form would.
/// </summary>
public sealed class DemoDataValidatorTests
{
    /// <summary>Later than every date the generators write: the validators refuse dates after today.</summary>
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 25, 4, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Every_demo_household_and_member_passes_the_forms_validators()
    {
        AssertPassTheForms(BuiltDemoCounty.Shared.Households);
    }

    [Fact]
    public void Every_household_and_member_of_a_small_synthetic_county_passes_the_forms_validators()
    {
        var generator = new SyntheticCounty(households: 2_000, townships: 2, seed: 1);
        var county = generator.BuildAreas("429901000000", "模拟县01");
        StandInIds.Give(county);
        var villages = county.Townships.SelectMany(t => t.Villages).OrderBy(v => v.AdminCode).ToList();
        var perVillage = generator.HouseholdsPerVillage(villages.Count);
        var households = new List<Household>();
        for (var i = 0; i < villages.Count; i++)
        {
            households.AddRange(generator.BuildHouseholds(villages[i], [.. villages[i].Groups.OrderBy(g => g.SortOrder)], i, perVillage[i]));
        }

        Assert.Equal(2_000, households.Count);
        AssertPassTheForms(households);
    }

    private static void AssertPassTheForms(IReadOnlyList<Household> households)
    {
        var householdValidator = new SaveHousehold.Validator(Clock);
        var memberValidator = new SaveMember.Validator(Clock);
        var failures = new List<string>();
        foreach (var household in households)
        {
            var command = SaveHousehold.Command.From(household, Clock.GetUtcNow());
            // The form leaves out the stored phone (it shows it masked): put it back so that it is checked too.
            command.Phone = household.Phone;
            failures.AddRange(householdValidator.Validate(command).Errors.Select(e => $"{household.HouseholdNumber}: {e.ErrorMessage}"));
            foreach (var member in household.Members)
            {
                var memberCommand = SaveMember.Command.From(member, Clock.GetUtcNow());
                // The form leaves the ID number out too; the validator checks it against birth date and gender.
                memberCommand.ResidentId = member.ResidentId;
                failures.AddRange(memberValidator.Validate(memberCommand).Errors.Select(e => $"{household.HouseholdNumber} {member.Name}: {e.ErrorMessage}"));
            }
        }

        Assert.NotEmpty(households);
        Assert.Empty(failures);
    }
}
