using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Common.Models;
using AutoKms.Application.Keys.Queries.GetKey;
using AutoKms.Application.Keys.Queries.ListKeys;
using AutoKms.UnitTests.Support;
using Moq;

namespace AutoKms.UnitTests.Application.Keys;

public sealed class KeyQueryHandlerTests
{
    private readonly Fixture _fixture = new();

    [Test]
    public async Task GetKey_WhenKeyExists_MapsItWithoutVersionsOrMaterial()
    {
        var key = _fixture.GivenKey(versions: 3);
        var handler = new GetKeyQueryHandler(_fixture.Keys.Object, _fixture.Counter.Object, _fixture.Mapper);

        var dto = await handler.Handle(new GetKeyQuery(key.Id), CancellationToken.None);

        Assert.That(dto.Id, Is.EqualTo(key.Id));
        Assert.That(dto.PrimaryVersion, Is.EqualTo(3));
        var properties = typeof(KeyDto).GetProperties().Select(p => p.Name).ToList();
        Assert.That(properties, Has.No.Member("Versions"));
        Assert.That(properties, Has.None.Contains("Material"));
    }

    [Test]
    public void GetKey_WhenUnknown_ThrowsKeyNotFound()
    {
        var id = Guid.NewGuid();
        _fixture.GivenNoKey(id);
        var handler = new GetKeyQueryHandler(_fixture.Keys.Object, _fixture.Counter.Object, _fixture.Mapper);

        Assert.ThrowsAsync<NotFoundException>(() => handler.Handle(new GetKeyQuery(id), CancellationToken.None));
    }

    [Test]
    public async Task ListKeys_PassesFiltersAndPagingToTheReadSide_WithStatusNormalised()
    {
        IReadOnlyList<KeyDto> expected = [new KeyDto { Name = "a" }];
        _fixture.Reads.Setup(r => r.ListKeysAsync("a", "disabled", It.Is<IReadOnlyList<string>>(g => g.Count == 0), 10, 20, It.IsAny<CancellationToken>())).ReturnsAsync(expected);
        var handler = new ListKeysQueryHandler(_fixture.Reads.Object, _fixture.CallerContext.Object);

        var result = await handler.Handle(new ListKeysQuery("a", "DISABLED", 10, 20), CancellationToken.None);

        Assert.That(result, Is.SameAs(expected));
    }

    [Test]
    public async Task ListKeys_ForACallerLimitedToGlobs_AsksTheReadSideForThoseOnly()
    {
        _fixture.CallerGlobs.Add("billing-*");
        _fixture.Reads.Setup(r => r.ListKeysAsync(null, null, It.Is<IReadOnlyList<string>>(g => g.SequenceEqual(new[] { "billing-*" })), 100, 0, It.IsAny<CancellationToken>()))
            .ReturnsAsync([]);

        await new ListKeysQueryHandler(_fixture.Reads.Object, _fixture.CallerContext.Object).Handle(new ListKeysQuery(), CancellationToken.None);

        _fixture.Reads.VerifyAll();
    }
}
