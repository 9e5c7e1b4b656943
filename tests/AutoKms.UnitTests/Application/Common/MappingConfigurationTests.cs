using AutoKms.Application.Common.Mappings;
using AutoMapper;
using AutoMapper.Internal;

namespace AutoKms.UnitTests.Application.Common;

/// <summary>
/// AutoMapper 14.0.0 carries GHSA-rvv3-g6hj-g44x (unbounded recursion on deep self-referencing
/// graphs). These tests prove every map here is valid and flat, so the flaw cannot be reached.
/// </summary>
public sealed class MappingConfigurationTests
{
    private static readonly MapperConfiguration Configuration = new(cfg => cfg.AddProfile<KeyMappingProfile>());

    [Test]
    public void Configuration_IsValid()
    {
        Assert.DoesNotThrow(() => Configuration.AssertConfigurationIsValid());
    }

    [Test]
    public void EveryMap_IsFlat_ScalarMembersOnly_NoNestedOrSelfReferencingType()
    {
        var maps = Configuration.Internal().GetAllTypeMaps();
        Assert.That(maps, Is.Not.Empty);

        foreach (var map in maps)
        {
            foreach (var member in map.DestinationType.GetProperties())
            {
                var type = Nullable.GetUnderlyingType(member.PropertyType) ?? member.PropertyType;
                Assert.That(IsScalar(type), Is.True, $"{map.DestinationType.Name}.{member.Name} is {type.Name}: maps must stay flat (see docs/adr/0003-automapper-14.md)");
            }
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Guid) || type == typeof(DateTimeOffset) || type == typeof(decimal);
}
