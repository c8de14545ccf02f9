namespace ChildInfo.Federation.Composition;

/// <summary>One subgraph to compose: its name, the URL the gateway calls, and its SDL as <c>_service { sdl }</c> returns it.</summary>
public sealed record SubgraphSdl(string Name, string Url, string Sdl);
