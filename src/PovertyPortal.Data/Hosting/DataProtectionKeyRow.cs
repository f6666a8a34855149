namespace PovertyPortal.Data.Hosting;

/// <summary>
/// One key of the data-protection key ring, as the XML element ASP.NET Core writes, when the ring is kept in the
/// database so that several instances share it (DataProtection:KeyStore = Database, decision 0034). Only ever written
/// encrypted with the configured certificate: a copy of the database must not carry keys that forge sign-ins.
/// </summary>
public sealed class DataProtectionKeyRow
{
    public int Id { get; set; }
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
}
