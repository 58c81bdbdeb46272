// Records and init-only setters on netstandard2.0: the compiler only needs the type to exist.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
