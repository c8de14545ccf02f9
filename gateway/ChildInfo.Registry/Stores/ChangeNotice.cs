namespace ChildInfo.Registry;

/// <summary>Raises <see cref="IRegistryStore.Changed"/> so that one faulty handler neither stops the others nor fails the writer.</summary>
internal static class ChangeNotice
{
    public static void Raise(EventHandler<RegistryChanged>? handlers, object sender, RegistryChanged change)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<RegistryChanged>>())
        {
            try
            {
                handler(sender, change);
            }
            catch (Exception)
            {
                // The write is committed whatever a follower does with the notice; followers also re-read on reconnect.
            }
        }
    }
}
