using Microsoft.AspNetCore.DataProtection;
using Trama.Web;
using Trama.Web.Data;
using Trama.Web.Features.Account;
using Trama.Web.Features.Api;
using Trama.Web.Features.Demo;
using Trama.Web.Features.Programmes;
using Trama.Web.Infrastructure;
using Trama.Web.Infrastructure.Jobs;

var builder = WebApplication.CreateBuilder(args);

builder.Services.Configure<TramaOptions>(builder.Configuration.GetSection(TramaOptions.Section));
builder.Services.Configure<FirstAdministratorOptions>(builder.Configuration.GetSection(FirstAdministratorOptions.Section));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddTramaDatabase(builder.Configuration, builder.Environment);
builder.Services.AddDataProtection()
    .SetApplicationName("Trama")
    .PersistKeysToDbContext<AppDbContext>();
builder.Services.AddTramaIdentity();
builder.Services.AddTramaLocalisation();
builder.Services.AddCheckboxBinding();
builder.Services.AddRazorPages(o => o.RootDirectory = "/Features")
    .AddMvcOptions(o => o.Filters.Add<Trama.Web.Features.Audit.HeldReadsFilter>())
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
builder.Services.AddScoped<ProgrammeContext>();
builder.Services.AddScoped<PhaseNames>();
builder.Services.AddScoped<DemoDataSeeder>();
builder.Services.AddScoped<FirstAdministrator>();
builder.Services.AddHostedService<DatabaseInitializer>();
builder.Services.AddScoped<Trama.Web.Features.Admin.Users.UserAdministration>();
builder.Services.AddScoped<Trama.Web.Features.Projects.ProjectAccess>();
builder.Services.AddScoped<Trama.Web.Features.Projects.ProjectFilterChoices>();
builder.Services.AddScoped<Trama.Web.Features.Home.ProgrammeOverviews>();
builder.Services.AddScoped<Trama.Web.Features.Home.Caseloads>();
builder.Services.AddScoped<Trama.Web.Features.Home.Workplaces>();
builder.Services.AddScoped<Trama.Web.Features.Projects.ReferralIntake>();
builder.Services.AddScoped<Trama.Web.Features.Projects.Reviews.ReviewRecording>();
builder.Services.AddScoped<Trama.Web.Features.Audit.AuditTrail>();
builder.Services.AddSingleton<Trama.Web.Features.Audit.ReadAuditWriter>();
builder.Services.AddScoped<Trama.Web.Features.Privacy.PersonalData>();
builder.Services.AddTramaApi();
builder.Services.AddJobScheduler(builder.Configuration);
builder.Services.AddTramaReverseProxy(builder.Configuration);
builder.Services.Configure<Trama.Web.Features.ServiceDirectory.DirectoryOptions>(builder.Configuration.GetSection(Trama.Web.Features.ServiceDirectory.DirectoryOptions.Section));
builder.Services.AddScoped<Trama.Web.Features.ServiceDirectory.DirectorySearch>();
builder.Services.Configure<Trama.Web.Features.Referrals.ReferralOptions>(builder.Configuration.GetSection(Trama.Web.Features.Referrals.ReferralOptions.Section));
builder.Services.AddScoped<Trama.Web.Features.Referrals.ReferralDesk>();
builder.Services.AddMemoryCache();
builder.Services.AddScoped<Trama.Web.Features.Budget.ProgrammeBudgetFigures>();
builder.Services.AddScoped<Trama.Web.Features.Referrals.ReferralCounts>();
builder.Services.AddScoped<Trama.Web.Features.ServiceDirectory.Manage.DirectoryEditing>();
builder.Services.AddScoped<Trama.Web.Features.ServiceDirectory.Manage.DirectoryImport>();
builder.Services.AddScheduledJob<Trama.Web.Features.Audit.AuditVerificationJob>();

var app = builder.Build();

app.UseTramaReverseProxy();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error/500");
    app.UseHsts();
}

// Pages get a page for an error status; the API gets problem details.
app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api"), branch => branch.UseStatusCodePagesWithReExecute("/Error/{0}"));
app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), branch => branch.UseStatusCodePages());
app.UseSecurityHeaders();
app.UseRequestLocalization();
app.UseNulRejection();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseTwoFactorEnrolment();

app.MapStaticAssets().AllowAnonymous();
app.MapTramaHealthChecks();
app.MapRazorPages().WithStaticAssets();
app.MapTramaApi();
if (builder.Configuration.GetValue<bool>($"{TramaOptions.Section}:{nameof(TramaOptions.BenchmarkCeilings)}"))
{
    Trama.Web.Features.Benchmark.CeilingEndpoints.MapBenchmarkCeilings(app);
}

if (await Trama.Web.Data.SqliteBackup.RunAsync(args, app.Services, Console.Out) is { } backupExit)
{
    return backupExit;
}

if (args.Contains("verify-audit"))
{
    // `dotnet run --project src/Trama.Web -- verify-audit`: checks the hash chain and exits 0 or 1.
    await using var scope = app.Services.CreateAsyncScope();
    var result = await Trama.Web.Features.Audit.AuditChain.VerifyAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    Console.WriteLine(result.IsIntact
        ? $"Audit trail intact: {result.Checked} rows verified."
        : $"Audit trail BROKEN at sequence {result.FirstBrokenSequence} ({result.Checked} rows verified before it).");
    return result.IsIntact ? 0 : 1;
}

app.PrintStartupBanner();

await app.RunAsync();
return 0;

public partial class Program;
