using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BpfSharp.Generator;

/// <summary>
/// The generator's syntax-only filter: a class that declares a method with an attribute spelled BpfProgram
/// (or BpfProgramAttribute, qualified or not). Binding decides the rest; a using alias of another name for the
/// attribute is not seen. Runs on every class of every edited file, so it allocates nothing.
/// </summary>
internal static class ProgramSyntax
{
    public static bool DeclaresProgram(ClassDeclarationSyntax declaration)
    {
        foreach (var member in declaration.Members)
        {
            if (member is not MethodDeclarationSyntax method)
                continue;
            foreach (var list in method.AttributeLists)
            {
                foreach (var attribute in list.Attributes)
                {
                    string name = attribute.Name switch
                    {
                        QualifiedNameSyntax q => q.Right.Identifier.ValueText,
                        AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
                        SimpleNameSyntax s => s.Identifier.ValueText,
                        _ => "",
                    };
                    if (name is "BpfProgram" or "BpfProgramAttribute")
                        return true;
                }
            }
        }
        return false;
    }
}
