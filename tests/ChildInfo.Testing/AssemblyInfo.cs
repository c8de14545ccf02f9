namespace ChildInfo.Testing;
