using Trama.Web.Features.Account;
using Trama.Web.Features.Demo;

namespace Trama.UnitTests.Demo;

public sealed class DemoDataTests
{
    [Fact]
    public void DemoUsers_CoverEveryRoleOnce()
    {
        Assert.Equal(Roles.All.Order(), DemoData.Users.Select(u => u.Role).Order());
    }

    [Fact]
    public void DemoUsers_BelongToKnownOrganisations()
    {
        var names = DemoData.Organisations.Select(o => o.Name).ToHashSet();
        var unknown = DemoData.Users.SelectMany(u => u.Organisations).Where(o => !names.Contains(o)).ToList();
        Assert.Empty(unknown);
    }

    [Fact]
    public void Partners_AndParents_NameKnownOrganisationsAndProgrammes()
    {
        var names = DemoData.Organisations.Select(o => o.Name).ToHashSet();
        var programmes = DemoData.Programmes(DemoData.Territories().ToDictionary(t => t.Code)).Select(p => p.Code).ToHashSet();
        var badPartners = DemoData.Partners.Where(p => !names.Contains(p.Organisation) || !programmes.Contains(p.ProgrammeCode)).ToList();
        var badParents = DemoData.Organisations.Where(o => o.Parent is not null && !names.Contains(o.Parent)).ToList();
        Assert.Empty(badPartners);
        Assert.Empty(badParents);
    }

    [Fact]
    public void People_HaveUniqueCodesAndWellFormedFiscalCodes()
    {
        Assert.Equal(DemoData.People.Count, DemoData.People.Select(p => p.Code).Distinct().Count());
        Assert.Equal(DemoData.People.Count, DemoData.People.Select(p => p.FiscalCode).Distinct().Count());
        Assert.All(DemoData.People, p => Assert.Matches("^[A-Z]{6}[0-9]{2}[A-Z][0-9]{2}[A-Z][0-9]{3}[A-Z]$", p.FiscalCode));
    }

    [Fact]
    public void BothProgrammes_HaveALeadPartner()
    {
        var leads = DemoData.Partners.Where(p => p.Role == Trama.Web.Features.Programmes.PartnerRole.Lead).Select(p => p.ProgrammeCode).Order().ToList();
        Assert.Equal([DemoData.Amicitta, DemoData.StiamoBene], leads);
    }

    [Fact]
    public void PersonalIdentifiers_IncludeNamesAndFiscalCodes()
    {
        var identifiers = DemoData.PersonalIdentifiers().ToList();
        Assert.Contains("Giorgio Bassi", identifiers);
        Assert.Contains("BSSGRG78C12F205K", identifiers);
        Assert.Contains("Elena Marchetti", identifiers);
    }
}
