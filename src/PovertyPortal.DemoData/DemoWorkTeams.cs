using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.WorkTeams;

namespace PovertyPortal.DemoData;

/// <summary>The work teams (驻村工作队) of the demo county's villages, as <see cref="DemoCountyPlan"/> lists them.</summary>
public static class DemoWorkTeams
{
    /// <summary>The work teams of one saved village, members named synthetically.</summary>
    public static List<WorkTeam> Build(DemoCountyPlan plan, Village savedVillage)
    {
        ArgumentNullException.ThrowIfNull(plan);
        DemoAreas.RequireSaved(savedVillage);
        var (_, villagePlan, _) = plan.Locate(savedVillage.AdminCode);
        var random = DemoRandom.ForWorkTeams(villagePlan.AdminCode);
        var names = new NameGenerator(random, plan.County.Surnames, plan.County.Surnames);

        var teams = new List<WorkTeam>();
        foreach (var teamPlan in villagePlan.WorkTeams)
        {
            var team = new WorkTeam
            {
                CountyId = savedVillage.CountyId,
                TownshipId = savedVillage.TownshipId,
                VillageId = savedVillage.Id,
                DispatchingUnit = teamPlan.DispatchingUnit,
                AppointedBy = teamPlan.AppointedBy,
                StartDate = teamPlan.StartDate,
                EndDate = teamPlan.EndDate,
            };
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var role in teamPlan.Roles)
            {
                var gender = random.Next(100) < 75 ? Gender.Male : Gender.Female;
                team.Members.Add(new WorkTeamMember
                {
                    Name = names.Name(names.VillageSurname(), gender, taken),
                    Unit = teamPlan.DispatchingUnit,
                    Phone = DemoRandom.Phone(random),
                    Role = role,
                    StartDate = teamPlan.StartDate,
                    EndDate = teamPlan.EndDate,
                });
            }
            teams.Add(team);
        }
        return teams;
    }
}
