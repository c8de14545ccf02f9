using System.Security.Cryptography;

namespace ChildInfo.Gateway.Audit;

/// <summary>
/// A checkpoint key kept in a file as hex: read when it exists, generated once (32 random bytes) when it does not.
/// Whoever can read this file can forge checkpoints; outside the demo, keep it out of the data folder.
/// </summary>
public static class AuditKeyFile
{
    public static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Load(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = RandomNumberGenerator.GetBytes(32);
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            using var writer = new StreamWriter(file);
            writer.Write(Convert.ToHexStringLower(key));
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
            return Load(path);
        }
    }

    /// <summary>Reads a key file; throws <see cref="InvalidDataException"/> when it does not hold at least 32 bytes of hex.</summary>
    public static byte[] Load(string path)
    {
        var text = File.ReadAllText(path).Trim();
        try
        {
            var key = Convert.FromHexString(text);
            if (key.Length >= 32)
            {
                return key;
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidDataException($"The audit checkpoint key file '{path}' must hold at least 32 bytes as hexadecimal.");
    }
}
