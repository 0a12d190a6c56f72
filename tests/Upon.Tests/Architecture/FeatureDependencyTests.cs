using System.Reflection;
using System.Reflection.Emit;
using Xunit;

namespace Upon.Tests.Architecture;

/// <summary>
/// The feature folders of <c>upon</c> use each other only along the allowed graph (README, "Project layout"), and live
/// code never uses the demo data. Reads every type of the assembly (Razor views included): its signatures and the types
/// and members its method bodies refer to.
/// </summary>
public class FeatureDependencyTests
{
    /// <summary>What each feature folder may use besides itself and the infrastructure (Data, Shared).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["Audit"] = [],
        ["Email"] = [],
        ["Disclosure"] = [],
        ["Accounts"] = ["Audit", "Email"],
        ["Register"] = ["Accounts", "Audit", "Disclosure"],
        ["Sessions"] = ["Register", "Accounts", "Audit", "Email"],
        ["Participants"] = ["Coaching", "Sessions", "Register", "Accounts", "Audit"],
        ["NewDirectors"] = ["Coaching", "Participants", "Sessions", "Register", "Accounts", "Audit", "Email", "Disclosure"],
        ["Feedback"] = ["Accounts", "Audit", "Email"],
        ["Health"] = ["Email"],
        ["Coaching"] = ["Sessions", "Register", "Accounts", "Audit", "Email", "Disclosure"],
        ["DataProtection"] = ["Accounts", "Audit"],
        ["Impact"] = ["NewDirectors", "Coaching", "Participants", "Sessions", "Register", "Accounts", "Audit", "Email", "Disclosure"],
        ["SessionFeedback"] = ["Sessions", "Accounts", "Audit", "Email", "Disclosure"],
        ["Aspirants"] = ["DataProtection", "Coaching", "Participants", "Sessions", "Register", "Accounts", "Audit", "Email", "Disclosure"],
        ["Home"] = ["DataProtection", "Aspirants", "Impact", "NewDirectors", "Coaching", "Participants", "Sessions", "Register", "Accounts", "Audit", "Email", "Disclosure", "Feedback"],
    };

    private static readonly Assembly Upon = typeof(global::Upon.Data.UponDbContext).Assembly;

    [Fact]
    public void FeatureFolders_UseOnlyTheFoldersTheGraphAllows()
    {
        var wrong = Violations(Upon, Allowed);
        Assert.True(wrong.Count == 0, "Feature folders using folders they may not:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void TheAllowedGraph_HasNoCycle()
    {
        foreach (var start in Allowed.Keys)
        {
            var seen = new HashSet<string>();
            var todo = new Stack<string>(Allowed[start]);
            while (todo.TryPop(out var next))
            {
                Assert.NotEqual(start, next);
                if (seen.Add(next))
                {
                    foreach (var further in Allowed[next])
                    {
                        todo.Push(further);
                    }
                }
            }
        }
    }

    [Fact]
    public void LiveCode_NeverUsesTheDemoData()
    {
        var wrong = TypesOf(Upon)
            .Where(t => Folder(t) is { } folder && folder is not ("Demo" or "Commands"))
            .SelectMany(t => Referenced(t).Where(r => Folder(r) == "Demo").Select(r => $"{t.FullName} uses {r.FullName}"))
            .Distinct()
            .ToList();
        Assert.True(wrong.Count == 0, "Live code using Upon.Demo:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void TheCheck_FindsAForbiddenUse()
    {
        // Sessions does use Register; with that edge removed the check must report it.
        var stricter = Allowed.ToDictionary(p => p.Key, p => p.Key == "Sessions" ? p.Value.Where(f => f != "Register").ToArray() : p.Value);
        Assert.Contains(Violations(Upon, stricter), v => v.StartsWith("Sessions -> Register", StringComparison.Ordinal));
    }

    private static List<string> Violations(Assembly assembly, IReadOnlyDictionary<string, string[]> allowed) =>
        [.. TypesOf(assembly)
            .Select(t => (Type: t, Folder: Folder(t)))
            .Where(t => t.Folder is not null && allowed.ContainsKey(t.Folder))
            .SelectMany(t => Referenced(t.Type)
                .Select(r => (Used: r, Folder: Folder(r)))
                .Where(r => r.Folder is not null && r.Folder != t.Folder && allowed.ContainsKey(r.Folder) && !allowed[t.Folder!].Contains(r.Folder))
                .Select(r => $"{t.Folder} -> {r.Folder}: {t.Type.FullName} uses {r.Used.FullName}"))
            .Distinct()
            .Order(StringComparer.Ordinal)];

    private static Type[] TypesOf(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return [.. e.Types.OfType<Type>()];
        }
    }

    /// <summary>The top folder of src/Upon a type comes from: its namespace, or for a compiled Razor view its path.</summary>
    private static string? Folder(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }
        if (type.Namespace == "AspNetCoreGeneratedDocument")
        {
            var underscore = type.Name.IndexOf('_', StringComparison.Ordinal);
            return underscore > 0 ? type.Name[..underscore] : null;
        }
        var parts = type.Namespace?.Split('.') ?? [];
        return parts.Length >= 2 && parts[0] == "Upon" && parts[1] != "Core" ? parts[1] : null;
    }

    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static HashSet<Type> Referenced(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || !found.Add(t))
            {
                return;
            }
            if (t.HasElementType)
            {
                Add(t.GetElementType());
            }
            if (t.IsGenericType)
            {
                foreach (var argument in t.GetGenericArguments())
                {
                    Add(argument);
                }
            }
        }
        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(i);
        }
        foreach (var attribute in type.GetCustomAttributesData())
        {
            Add(attribute.AttributeType);
        }
        foreach (var field in type.GetFields(Everything))
        {
            Add(field.FieldType);
        }
        foreach (var property in type.GetProperties(Everything))
        {
            Add(property.PropertyType);
        }
        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType);
            }
            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType);
            }
            foreach (var used in UsedInBody(method))
            {
                Add(used);
            }
        }
        return found;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The types named by the tokens in a method's IL: types, and the declaring types of fields and methods.</summary>
    private static IEnumerable<Type> UsedInBody(MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (InvalidOperationException)
        {
            il = null;
        }
        if (il is null)
        {
            yield break;
        }
        var module = method.Module;
        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            short value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var code = OpCodesByValue[value];
            switch (code.OperandType)
            {
                case OperandType.InlineType or OperandType.InlineTok or OperandType.InlineMethod or OperandType.InlineField:
                    var token = BitConverter.ToInt32(il, at);
                    MemberInfo? member = null;
                    try
                    {
                        member = module.ResolveMember(token, typeArguments, methodArguments);
                    }
                    catch (ArgumentException)
                    {
                    }
                    catch (TypeLoadException)
                    {
                    }
                    if (member is Type t)
                    {
                        yield return t;
                    }
                    else if (member?.DeclaringType is { } declaring)
                    {
                        yield return declaring;
                        if (member is MethodInfo called)
                        {
                            yield return called.ReturnType;
                        }
                    }
                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (4 * BitConverter.ToInt32(il, at));
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    at += 1;
                    break;
                case OperandType.InlineVar:
                    at += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    at += 8;
                    break;
                default:
                    at += 4;
                    break;
            }
        }
    }
}
