using System.Net.Http.Headers;
using System.Text;
using HoneyHive.Kiota.Http;

namespace HoneyHive.Kiota.Tests.Http;

/// <summary>The pooled body buffer behaves like a buffered HttpContent: re-readable, same headers, gone after disposal.</summary>
public class PooledBufferContentTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(100_000)]
    public async Task BodyIsReadableTwiceWithItsHeaders(int size)
    {
        var text = new string('x', size);
        var original = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(text)));
        original.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        using var pooled = await PooledBufferContent.LoadAsync(original, CancellationToken.None);

        Assert.Equal(text, await pooled.ReadAsStringAsync());
        Assert.Equal(text, await pooled.ReadAsStringAsync());
        Assert.Equal(size, pooled.Headers.ContentLength);
        Assert.Equal("application/json", pooled.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", pooled.Headers.ContentType.CharSet);
    }

    [Fact]
    public async Task ADisposedBodyCannotBeRead()
    {
        var pooled = await PooledBufferContent.LoadAsync(new StringContent("{}"), CancellationToken.None);

        pooled.Dispose();
        pooled.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => pooled.ReadAsStringAsync());
    }

    // A network stream: no length, so the buffer has to grow.
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
