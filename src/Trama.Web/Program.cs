using Microsoft.AspNetCore.DataProtection;
using Trama.Web;
using Trama.Web.Data;
using Trama.Web.Features.Account;
using Trama.Web.Features.Demo;
using Trama.Web.Features.Programmes;
using Trama.Web.Infrastructure;

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
builder.Services.AddRazorPages(o => o.RootDirectory = "/Features")
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
builder.Services.AddScoped<ProgrammeContext>();
builder.Services.AddScoped<DemoDataSeeder>();
builder.Services.AddScoped<FirstAdministrator>();
builder.Services.AddHostedService<DatabaseInitializer>();
builder.Services.AddScoped<Trama.Web.Features.Admin.Users.UserAdministration>();
builder.Services.AddScoped<Trama.Web.Features.Projects.ProjectAccess>();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error/500");
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/Error/{0}");
app.UseSecurityHeaders();
app.UseRequestLocalization();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapStaticAssets().AllowAnonymous();
app.MapTramaHealthChecks();
app.MapRazorPages().WithStaticAssets();

app.PrintStartupBanner();

await app.RunAsync();

public partial class Program;
