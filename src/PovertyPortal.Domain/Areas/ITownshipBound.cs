namespace PovertyPortal.Domain.Areas;

/// <summary>
/// Rows that belong to one township and may or may not belong to one of its villages (a finding about the township's
/// funds, a problem of the ledger about a village or about the whole township). Like <see cref="IAreaBound"/> they carry
/// their county and township so that scope checks need no joins; a null <see cref="VillageId"/> means the row is about
/// the township as a whole, which a village-bound user does not see.
/// </summary>
public interface ITownshipBound
{
    int CountyId { get; }
    int TownshipId { get; }
    int? VillageId { get; }
}
