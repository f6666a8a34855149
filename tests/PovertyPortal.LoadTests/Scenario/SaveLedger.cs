using System.Collections.Concurrent;

namespace PovertyPortal.LoadTests.Scenario;

/// <summary>
/// What each acknowledged save wrote, so the run can read every household back at the end. One virtual user owns
/// one household, so the last acknowledged value of a household is the one that must be there.
/// </summary>
public sealed class SaveLedger
{
    private readonly ConcurrentDictionary<string, string> lastAcknowledged = new();
    private readonly ConcurrentDictionary<string, int> claims = new();

    /// <summary>Claims a household for one virtual user; false when another already has it.</summary>
    public bool TryClaim(string householdNumber, int user) => claims.TryAdd(householdNumber, user);

    public int Claimed => claims.Count;

    private readonly ConcurrentDictionary<string, string> lastSent = new();

    /// <summary>A save was sent (its answer may never come).</summary>
    public void Sent(string householdNumber, string value) => lastSent[householdNumber] = value;

    public string? LastSent(string householdNumber) => lastSent.TryGetValue(householdNumber, out var v) ? v : null;

    public void Acknowledged(string householdNumber, string value) => lastAcknowledged[householdNumber] = value;

    public string? Expected(string householdNumber) => lastAcknowledged.TryGetValue(householdNumber, out var v) ? v : null;

    public int AcknowledgedHouseholds => lastAcknowledged.Count;
}
