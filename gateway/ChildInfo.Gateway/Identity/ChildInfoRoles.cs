namespace ChildInfo.Gateway.Identity;

/// <summary>The roles the gateway itself gives meaning to, beyond what the policies say of them.</summary>
public static class ChildInfoRoles
{
    /// <summary>Registers subgraphs and may see query plans.</summary>
    public const string SystemOwner = "system_owner";

    /// <summary>Reads the audit and its review queue, and may ask the policies about any role.</summary>
    public const string DataProtectionOfficer = "data_protection_officer";
}
