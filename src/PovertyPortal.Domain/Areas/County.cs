namespace PovertyPortal.Domain.Areas;

/// <summary>县(市、区): the top of a user's world.</summary>
public class County
{
    public int Id { get; set; }

    /// <summary>统计用区划代码, 12 digits; a county's ends in six zeros.</summary>
    public required string AdminCode { get; set; }
    public required string Name { get; set; }
    public string? Province { get; set; }
    public bool IsRetired { get; set; }
    public List<Township> Townships { get; set; } = [];
}
