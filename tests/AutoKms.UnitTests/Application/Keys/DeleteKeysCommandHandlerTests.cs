using AutoKms.Application.Common.Exceptions;
using AutoKms.Application.Keys.Commands.DeleteKeys;
using AutoKms.Domain.Keys;
using AutoKms.UnitTests.Support;
using Moq;

namespace AutoKms.UnitTests.Application.Keys;

public sealed class DeleteKeysCommandHandlerTests
{
    private readonly Fixture _fixture = new();

    [Test]
    public async Task Handle_MarksEachKeyDeleted_AndAnswersTheCount()
    {
        var a = _fixture.GivenKey();
        var b = _fixture.GivenKey();
        _fixture.GivenSavesSucceed();
        var handler = new DeleteKeysCommandHandler(_fixture.Keys.Object, _fixture.Clock);

        var result = await handler.Handle(new DeleteKeysCommand([a.Id, b.Id]), CancellationToken.None);

        Assert.That(result.Deleted, Is.EqualTo(2));
        Assert.That(a.DeletedAt, Is.EqualTo(Fixture.Now));
        Assert.That(b.DeletedAt, Is.EqualTo(Fixture.Now));
        _fixture.Keys.Verify(r => r.SaveAsync(It.IsAny<Key>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Test]
    public void Handle_WhenAKeyIsUnknown_ThrowsKeyNotFound()
    {
        var id = Guid.NewGuid();
        _fixture.GivenNoKey(id);
        var handler = new DeleteKeysCommandHandler(_fixture.Keys.Object, _fixture.Clock);

        Assert.ThrowsAsync<NotFoundException>(() => handler.Handle(new DeleteKeysCommand([id]), CancellationToken.None));
    }
}
