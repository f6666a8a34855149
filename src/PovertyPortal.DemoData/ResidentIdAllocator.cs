using PovertyPortal.Domain.Households;

namespace PovertyPortal.DemoData;

/// <summary>
/// Hands out ID numbers that cannot repeat in the county: each village owns its own block of sequence numbers
/// (odd for men, even for women), so villages built separately, in any order, never collide.
/// </summary>
internal sealed class ResidentIdAllocator
{
    private readonly string areaCode;
    private readonly int firstSequence;
    private readonly int slotsPerGender;
    private readonly HashSet<string> used = new(StringComparer.Ordinal);

    public ResidentIdAllocator(string areaCode, int villageIndex, int villageCount)
    {
        // 999, not 1000: the highest even sequence handed out must stay a 3-digit number.
        var block = 999 / villageCount / 2 * 2;
        this.areaCode = areaCode;
        firstSequence = villageIndex * block;
        slotsPerGender = block / 2;
    }

    public ResidentId Next(DateOnly birthDate, Gender gender, Random random)
    {
        var start = random.Next(slotsPerGender);
        for (var i = 0; i < slotsPerGender; i++)
        {
            var slot = (start + i) % slotsPerGender;
            // +1 for men, +2 for women: never 000, and the block's last number is still inside the block.
            var sequence = firstSequence + (slot * 2) + (gender == Gender.Male ? 1 : 2);
            var id = ResidentId.Create(areaCode, birthDate, sequence, gender);
            if (used.Add(id.Value)) return id;
        }
        throw new InvalidOperationException($"No free ID sequence left for {birthDate:yyyy-MM-dd} in this village.");
    }
}
