using AutoKms.Application.Common.Models;
using AutoKms.Domain.Keys;
using AutoMapper;

namespace AutoKms.Application.Common.Mappings;

/// <summary>
/// Aggregate → DTO maps. Every map is flat (scalar members only, no nested or self-referencing
/// type), which keeps AutoMapper 14 clear of GHSA-rvv3-g6hj-g44x; a test proves it.
/// </summary>
public sealed class KeyMappingProfile : Profile
{
    public KeyMappingProfile()
    {
        CreateMap<Key, KeyDto>()
            .ForMember(d => d.Algorithm, o => o.MapFrom(s => s.Algorithm.ToName()))
            .ForMember(d => d.Status, o => o.MapFrom(s => s.Status.ToName()))
            .ForMember(d => d.Usage, o => o.MapFrom(s => s.Usage.ToName()))
            .ForMember(d => d.Encryptions, o => o.MapFrom(s => s.Primary.Encryptions));

        CreateMap<KeyVersion, KeyVersionDto>()
            .ForMember(d => d.Status, o => o.MapFrom(s => s.Status.ToName()));
    }
}
