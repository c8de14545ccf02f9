using System.Text.Json;
using ChildInfo.Federation;
using ChildInfo.Gateway.Authorisation;

namespace ChildInfo.Gateway.Pipeline;

/// <summary>
/// Turns the engine's result into the answer: the records withheld by record scope listed beside the withheld fields
/// (<c>extensions.withheld</c>), and the query plan where the caller asked for it and may see it.
/// </summary>
public static class ShapeStep
{
    public static Answer Run(GatewayResult result, PreparedOperation operation, AuthorisationDecision decision, bool planAsked)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(decision);
        result = ScopeWithholding.Apply(result);
        if (decision.MayShowPlan && planAsked)
        {
            result = result.WithExtension("queryPlan", JsonSerializer.SerializeToElement(operation.PlanText));
        }

        return new Answer(StatusCodes.Status200OK, result);
    }
}
