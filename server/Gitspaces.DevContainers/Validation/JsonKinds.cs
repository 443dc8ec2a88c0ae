namespace Gitspaces.DevContainers.Validation;

/// <summary>The JSON types a value may have.</summary>
[Flags]
internal enum JsonKinds
{
    None = 0,
    String = 1,
    Integer = 2,
    Fraction = 4,
    Number = Fraction | Integer,
    Boolean = 8,
    Null = 16,
    Array = 32,
    Object = 64,
}
