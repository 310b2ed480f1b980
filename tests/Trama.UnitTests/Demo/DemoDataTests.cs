using Trama.Web.Features.Account;
using Trama.Web.Features.Demo;

namespace Trama.UnitTests.Demo;

public sealed class DemoDataTests
{
    [Fact]
    public void DemoUsers_CoverEveryRole()
    {
        Assert.Equal(Roles.All.Order(), DemoData.Users.Select(u => u.Role).Distinct().Order());
    }

    [Fact]
    public void EveryCps_HasADemoClinician()
    {
        var centres = DemoData.Organisations.Where(o => o.Kind == Trama.Web.Features.Organisations.OrganisationKind.MentalHealthCentre).Select(o => o.Name);
        var covered = DemoData.Users.Where(u => u.Role == Roles.Clinician).SelectMany(u => u.Organisations);
        Assert.Equal(centres.Order(), covered.Order());
    }

    [Fact]
    public void DemoProjects_CoverEveryStateForEveryCps()
    {
        var plans = DemoProjects.Plans();
        foreach (var centre in plans.Select(p => p.Centre).Distinct())
        {
            Assert.Equal(Enum.GetValues<Trama.Web.Features.Projects.ProjectState>().Order(), plans.Where(p => p.Centre == centre).Select(p => p.Target).Distinct().Order());
        }
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
        var everyone = DemoData.People.Concat(DemoProjects.People()).ToList();
        Assert.Equal(everyone.Count, everyone.Select(p => p.FiscalCode).Distinct().Count());
        Assert.All(everyone, p => Assert.True(Trama.Web.Features.People.FiscalCode.Check(p.FiscalCode, p.FiscalCode.StartsWith("HDD", StringComparison.Ordinal) ? null : p.BirthDate).IsValid, p.FiscalCode));
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
        Assert.Contains(DemoData.People[0].FiscalCode, identifiers);
        Assert.Contains(DemoProjects.People()[0].FiscalCode, identifiers);
        Assert.Contains("Elena Marchetti", identifiers);
    }
}
