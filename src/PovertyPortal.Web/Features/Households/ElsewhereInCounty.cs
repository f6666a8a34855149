namespace PovertyPortal.Web.Features.Households;

/// <summary>
/// What a clash with a record outside the user's scope may say (issue 15): only that it is registered elsewhere in
/// the county. Naming the other household would turn the form and the import preview into a lookup of any ID's
/// household number across townships.
/// </summary>
public static class ElsewhereInCounty
{
    public const string ResidentId = "该证件号码已在本县其他乡镇（村）登记，同一人不能重复登记，请联系县级管理员核实";

    public const string HouseholdNumber = "该户编号已在本县其他乡镇（村）使用，不能导入或修改，请联系县级管理员核实";
}
