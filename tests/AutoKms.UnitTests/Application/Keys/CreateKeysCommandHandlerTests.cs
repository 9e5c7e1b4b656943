using AutoKms.Application.Keys.Commands.CreateKey;
using AutoKms.Application.Keys.Commands.CreateKeys;
using AutoKms.Domain.Keys;
using AutoKms.UnitTests.Support;
using Moq;

namespace AutoKms.UnitTests.Application.Keys;

public sealed class CreateKeysCommandHandlerTests
{
    [Test]
    public async Task Handle_CreatesEachKey_InOrder_AndStoresThemTogether()
    {
        var fixture = new Fixture();
        var added = new List<string>();
        fixture.Keys.Setup(r => r.NameExistsAsync(It.IsAny<string>(), null, It.IsAny<CancellationToken>())).ReturnsAsync(false);
        fixture.NewKeys.Setup(s => s.AddAsync(It.IsAny<IReadOnlyList<Key>>(), It.IsAny<CancellationToken>())).Callback((IReadOnlyList<Key> k, CancellationToken _) => added.AddRange(k.Select(key => key.Name))).Returns(Task.CompletedTask);
        var handler = new CreateKeysCommandHandler(fixture.Provisioning, fixture.Mapper);

        var result = await handler.Handle(new CreateKeysCommand([new("a", "AES256_GCM"), new("b", "RSA2048")]), CancellationToken.None);

        Assert.That(result.Select(k => k.Name), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(result.Select(k => k.Algorithm), Is.EqualTo(new[] { "AES256_GCM", "RSA2048" }));
        Assert.That(added, Is.EqualTo(new[] { "a", "b" }));
        fixture.NewKeys.Verify(s => s.AddAsync(It.IsAny<IReadOnlyList<Key>>(), It.IsAny<CancellationToken>()), Times.Once, "all keys of one request in one call: all or none");
    }
}
