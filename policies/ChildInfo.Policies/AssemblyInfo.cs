namespace ChildInfo.Policies;
