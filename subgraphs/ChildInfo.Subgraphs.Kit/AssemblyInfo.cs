namespace ChildInfo.Subgraphs.Kit;
