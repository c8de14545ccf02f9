using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ChildInfo.Gateway.Cli;

/// <summary>
/// Checks <see cref="ServeSettings"/> before the gateway starts: the nested sections' data annotations, and what an
/// annotation cannot say (a context key that is base64 of 256 bits or more, a Redis configuration string that parses,
/// a policy folder that exists). Every problem is reported, each naming its setting; no value of a secret is repeated.
/// </summary>
public sealed class ServeSettingsValidator : IValidateOptions<ServeSettings>
{
    public ValidateOptionsResult Validate(string? name, ServeSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        Annotations(options.RateLimit, problems);
        Annotations(options.Audit, problems);
        if (options.ContextKey is { Length: > 0 } key && !IsKey(key))
        {
            problems.Add("ChildInfo:ContextKey must be base64 of at least 32 bytes (256 bits), for example from `openssl rand -base64 32`.");
        }

        Annotations(options.Analytics, problems);
        if (options.Analytics.RecordKeySecret is { Length: > 0 } secret && !IsKey(secret))
        {
            problems.Add("ChildInfo:Analytics:RecordKeySecret must be base64 of at least 32 bytes (256 bits), for example from `openssl rand -base64 32`.");
        }

        problems.AddRange(options.Analytics.Default.Validate().Select(p => "ChildInfo:Analytics:Default: " + p));
        foreach (var (purpose, rules) in options.Analytics.Purposes)
        {
            problems.AddRange(rules.Validate().Select(p => $"ChildInfo:Analytics:Purposes:{purpose}: {p}"));
        }

        if (options.Redis is { Length: > 0 } redis)
        {
            try
            {
                _ = StackExchange.Redis.ConfigurationOptions.Parse(redis);
            }
            catch (ArgumentException)
            {
                problems.Add("ChildInfo:Redis is not a StackExchange.Redis configuration string such as redis.internal:6379,password=...");
            }
        }

        if (options.Policies is { Length: > 0 } policies && !Directory.Exists(policies))
        {
            problems.Add($"ChildInfo:Policies names the folder '{policies}', which does not exist.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Annotations(object section, List<string> problems)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(section, new ValidationContext(section), results, validateAllProperties: true))
        {
            problems.AddRange(results.Select(r => r.ErrorMessage ?? string.Join(", ", r.MemberNames)));
        }
    }

    private static bool IsKey(string text)
    {
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), bytes, out var length) && length >= 32;
    }
}
