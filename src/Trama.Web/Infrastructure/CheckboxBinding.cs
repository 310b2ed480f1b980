using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace Trama.Web.Infrastructure;

/// A Boolean field sent with something other than true/false (only a crafted request can) stays a
/// localised field error, and the form is shown again with the box unticked: the checkbox tag
/// helper would otherwise throw while rendering the value it cannot parse, a server error.
public static class CheckboxBinding
{
    public static IServiceCollection AddCheckboxBinding(this IServiceCollection services) =>
        services.Configure<MvcOptions>(o => o.ModelBinderProviders.Insert(0, new Provider()));

    private sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.ModelType == typeof(bool) && context.BindingInfo.BindingSource != BindingSource.Body
                ? new Binder(new SimpleTypeModelBinder(typeof(bool), context.Services.GetRequiredService<ILoggerFactory>()))
                : null;
    }

    private sealed class Binder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await inner.BindModelAsync(context);
            if (!context.Result.IsModelSet && context.ModelState.TryGetValue(context.ModelName, out var entry) && entry.Errors.Count > 0)
            {
                context.ModelState.SetModelValue(context.ModelName, rawValue: false, attemptedValue: "false");
            }
        }
    }
}
