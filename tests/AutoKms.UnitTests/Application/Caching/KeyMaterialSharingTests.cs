using AutoKms.Application.Common.Caching;
using AutoKms.Application.Common.Interfaces;
using AutoKms.Application.Cryptography;
using AutoKms.Domain.Keys;
using AutoKms.UnitTests.Support;
using Microsoft.Extensions.Options;
using Moq;

namespace AutoKms.UnitTests.Application.Caching;

public sealed class KeyMaterialSharingTests
{
    [Test]
    public void Shared_material_is_zeroed_only_when_the_last_handle_is_disposed()
    {
        var bytes = new byte[] { 1, 2, 3, 4 };
        var owner = new KeyMaterial(bytes);
        var lent = owner.Share();

        owner.Dispose();
        Assert.That(lent.Span.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3, 4 }), "another holder still uses it");
        Assert.Throws<ObjectDisposedException>(() => _ = owner.Span.Length);

        lent.Dispose();
        Assert.That(bytes, Is.All.Zero);
    }

    [Test]
    public void Disposing_one_handle_twice_lets_go_once()
    {
        var bytes = new byte[] { 7, 7 };
        var owner = new KeyMaterial(bytes);
        var lent = owner.Share();

        lent.Dispose();
        lent.Dispose();

        Assert.That(owner.Span.ToArray(), Is.EqualTo(new byte[] { 7, 7 }));
        owner.Dispose();
        Assert.That(bytes, Is.All.Zero);
    }

    [Test]
    public void Material_let_go_by_every_holder_cannot_be_shared_again()
    {
        var owner = new KeyMaterial([5]);
        var lent = owner.Share();
        owner.Dispose();
        lent.Dispose();

        Assert.That(lent.TryShare(out var again), Is.False);
        Assert.That(again, Is.Null);
    }

    [Test]
    public void What_was_prepared_from_the_material_is_made_once_and_disposed_with_the_last_handle()
    {
        var owner = new KeyMaterial([1, 2]);
        var lent = owner.Share();
        var made = 0;
        var first = owner.Prepared(_ => { made++; return new Probe(); });
        var second = lent.Prepared(_ => { made++; return new Probe(); });

        owner.Dispose();
        Assert.That(first.Disposed, Is.False);
        lent.Dispose();

        Assert.That(made, Is.EqualTo(1));
        Assert.That(second, Is.SameAs(first));
        Assert.That(first.Disposed, Is.True);
    }

    private sealed class Probe : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
