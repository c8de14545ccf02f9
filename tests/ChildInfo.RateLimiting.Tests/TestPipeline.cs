// Everything these tests create goes under one temp folder per test process, removed at the end, where whatever a
// fixture left behind is reported (ChildInfo.Testing/RunTempFolder.cs).
[assembly: Xunit.v3.TestPipelineStartup<ChildInfo.Testing.RunTempFolder>]
