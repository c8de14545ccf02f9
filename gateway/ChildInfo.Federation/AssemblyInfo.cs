namespace ChildInfo.Federation;
