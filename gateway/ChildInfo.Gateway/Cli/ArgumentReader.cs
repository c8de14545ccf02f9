using System.Globalization;

namespace ChildInfo.Gateway.Cli;

/// <summary>Reads <c>--name value</c> and <c>--name=value</c> options of one subcommand, rejecting anything unknown.</summary>
public sealed class ArgumentReader
{
    private readonly string _command;
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public ArgumentReader(string command, IReadOnlyList<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flags)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(valueOptions);
        ArgumentNullException.ThrowIfNull(flags);
        _command = command;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new CommandLineException($"'{command}' takes no argument '{arg}'.");
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[2..equals] : arg[2..];
            if (flags.Contains(name) && equals < 0)
            {
                _values[name] = null;
            }
            else if (valueOptions.Contains(name))
            {
                var value = equals > 0 ? arg[(equals + 1)..] : i + 1 < args.Count ? args[++i] : null;
                if (string.IsNullOrWhiteSpace(value) || (equals < 0 && value.StartsWith("--", StringComparison.Ordinal)))
                {
                    throw new CommandLineException($"Option --{name} of '{command}' needs a value.");
                }

                if (!_values.TryAdd(name, value))
                {
                    throw new CommandLineException($"Option --{name} of '{command}' is given more than once.");
                }
            }
            else
            {
                throw new CommandLineException($"'{command}' has no option --{name}.");
            }
        }
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? String(string name) => _values.TryGetValue(name, out var value) ? value : null;

    public int? Int(string name, int min, int max)
    {
        if (String(name) is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new CommandLineException($"Option --{name} of '{_command}' must be a whole number from {min} to {max}, not '{text}'.");
        }

        return value;
    }
}
