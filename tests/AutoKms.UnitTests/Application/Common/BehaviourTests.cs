using AutoKms.Application.Common.Behaviours;
using AutoKms.Application.Common.Validation;
using AutoKms.Application.Cryptography.Commands.Encrypt;
using AutoKms.Application.Cryptography.Commands.EncryptBatch;
using AutoKms.Application.Cryptography.Commands.WrapKey;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Keys.Commands.CreateKey;
using AutoKms.Application.Keys.Commands.UpdateKey;
using AutoKms.Application.Keys.Queries.GetKey;
using FluentValidation;
using MediatR;
using Moq;

namespace AutoKms.UnitTests.Application.Common;

public sealed class ValidationBehaviourTests
{
    [Test]
    public void Handle_WithInvalidRequest_ThrowsWithEveryFailure_AndNeverCallsTheHandler()
    {
        var behaviour = new ValidationBehaviour<CreateKeyCommand, int>([new CreateKeyCommandValidator()]);
        var called = false;

        var error = Assert.ThrowsAsync<ValidationException>(() => behaviour.Handle(new CreateKeyCommand("", "DES"), CancellationToken.None, () =>
        {
            called = true;
            return Task.FromResult(1);
        }));

        Assert.That(called, Is.False);
        Assert.That(error!.Errors.Select(e => e.PropertyName), Is.SupersetOf(new[] { "name", "algorithm" }));
    }

    [Test]
    public async Task Handle_WithValidRequest_CallsTheHandler()
    {
        var behaviour = new ValidationBehaviour<CreateKeyCommand, int>([new CreateKeyCommandValidator()]);

        var result = await behaviour.Handle(new CreateKeyCommand("ok", "AES256_GCM"), CancellationToken.None, () => Task.FromResult(7));

        Assert.That(result, Is.EqualTo(7));
    }
}

public sealed class TransactionBehaviourTests
{
    [Test]
    public async Task Handle_TransactionalRequest_CommitsAfterTheHandler()
    {
        var unit = new Mock<IUnitOfWork>(MockBehavior.Strict);
        var sequence = new MockSequence();
        unit.InSequence(sequence).Setup(u => u.BeginAsync(It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        unit.InSequence(sequence).Setup(u => u.CommitAsync(It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var behaviour = new TransactionBehaviour<UpdateKeyCommand, int>(unit.Object);

        await behaviour.Handle(new UpdateKeyCommand(Guid.NewGuid(), "k", null), CancellationToken.None, () => Task.FromResult(1));

        unit.Verify(u => u.CommitAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void Handle_WhenTheHandlerThrows_RollsBack_AndRethrows()
    {
        var unit = new Mock<IUnitOfWork>();
        var behaviour = new TransactionBehaviour<UpdateKeyCommand, int>(unit.Object);

        Assert.ThrowsAsync<InvalidOperationException>(() => behaviour.Handle(new UpdateKeyCommand(Guid.NewGuid(), "k", null), CancellationToken.None, () => throw new InvalidOperationException()));

        unit.Verify(u => u.RollbackAsync(It.IsAny<CancellationToken>()), Times.Once);
        unit.Verify(u => u.CommitAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Handle_QueryThatIsNotTransactional_OpensNoTransaction()
    {
        var unit = new Mock<IUnitOfWork>(MockBehavior.Strict);
        var behaviour = new TransactionBehaviour<GetKeyQuery, int>(unit.Object);

        var result = await behaviour.Handle(new GetKeyQuery(Guid.NewGuid()), CancellationToken.None, () => Task.FromResult(3));

        Assert.That(result, Is.EqualTo(3));
    }
}

public sealed class SecretInputBehaviourTests
{
    [Test]
    public void Handle_WhenValidationRefusesTheRequest_StillZeroesItsPlaintext()
    {
        var plaintext = new byte[PayloadLimits.MaxPlaintextBytes + 1];
        Array.Fill(plaintext, (byte)7);
        var request = new EncryptCommand(Guid.NewGuid(), plaintext, null);
        var validation = new ValidationBehaviour<EncryptCommand, int>([new EncryptCommandValidator()]);

        Assert.ThrowsAsync<ValidationException>(() => new SecretInputBehaviour<EncryptCommand, int>().Handle(
            request, CancellationToken.None, () => validation.Handle(request, CancellationToken.None, () => Task.FromResult(1))));

        Assert.That(plaintext, Is.All.EqualTo(0));
    }

    [Test]
    public async Task Handle_ZeroesEverySecretTheRequestDeclares_ButNotItsAad()
    {
        var material = new byte[] { 1, 2 };
        var aad = new byte[] { 3, 4 };
        var batchPlaintext = new byte[] { 5 };

        await new SecretInputBehaviour<WrapKeyCommand, int>().Handle(new WrapKeyCommand(Guid.NewGuid(), material, aad), CancellationToken.None, () => Task.FromResult(1));
        await new SecretInputBehaviour<EncryptBatchCommand, int>().Handle(new EncryptBatchCommand(Guid.NewGuid(), [new(batchPlaintext, null), new(null, null, "bad")]), CancellationToken.None, () => Task.FromResult(1));

        Assert.That(material, Is.All.EqualTo(0));
        Assert.That(batchPlaintext, Is.All.EqualTo(0));
        Assert.That(aad, Is.EqualTo(new byte[] { 3, 4 }), "AAD is echoed in answers, so it is not zeroed under them");
    }
}
