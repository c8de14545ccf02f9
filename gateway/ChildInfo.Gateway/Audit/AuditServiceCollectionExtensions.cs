using ChildInfo.Audit;
using ChildInfo.Audit.Storage;
using ChildInfo.Gateway.Revisions;

namespace ChildInfo.Gateway.Audit;

/// <summary>Registers the audit: one store and one <see cref="AuditLog"/> per process, disposed (drained) on shutdown.</summary>
public static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddGatewayAudit(this IServiceCollection services, GatewayAuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.ToAuditOptions().Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        services.AddSingleton(options);
        services.AddSingleton(_ => AuditStores.Open(options.Provider, options.ConnectionString));
        services.AddSingleton(sp => new AuditLog(sp.GetRequiredService<IAuditStore>(), options.ToAuditOptions(), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton(sp => new AuditFieldLabels(sp.GetService<GatewayState>()));
        services.AddSingleton<GatewayAudit>();
        services.AddHostedService<AuditMaintenance>();
        return services;
    }
}
