using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("ChildInfo.Federation.Tests")]
