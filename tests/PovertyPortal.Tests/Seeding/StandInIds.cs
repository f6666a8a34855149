using PovertyPortal.Domain.Areas;

namespace PovertyPortal.Tests.Seeding;

/// <summary>Stand-ins for the ids the database gives when an area graph is saved: households are built only for saved villages.</summary>
internal static class StandInIds
{
    public static void Give(County county)
    {
        var nextId = 1;
        county.Id = nextId++;
        foreach (var township in county.Townships)
        {
            township.Id = nextId++;
            township.CountyId = county.Id;
            foreach (var village in township.Villages)
            {
                village.Id = nextId++;
                village.TownshipId = township.Id;
                village.CountyId = county.Id;
                foreach (var group in village.Groups)
                {
                    group.Id = nextId++;
                    group.VillageId = village.Id;
                }
            }
        }
    }
}
