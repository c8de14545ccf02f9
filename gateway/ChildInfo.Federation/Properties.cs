using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("ChildInfo.Federation.Tests")]
[assembly: InternalsVisibleTo("ChildInfo.Benchmarks")]
