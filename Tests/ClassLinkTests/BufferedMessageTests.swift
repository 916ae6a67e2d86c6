import ClassLink
import TCPTutorTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A run loop that sleeps on the link's descriptor must know when messages already read wait on its side of the
/// socket, since the descriptor will not wake it for them.
@Suite("Messages read but not yet taken")
struct BufferedMessageTests {
    /// (A frame cut short is never held whole: `FrameCodingTests.truncatedFrames`.)
    @Test("the decoder holds a whole frame once every byte of one is in, and not after it is taken")
    func wholeFrames() throws {
        for message in ClassMessageSamples.all {
            let frame = message.frame()
            var decoder = FrameDecoder()
            decoder.append(frame + frame.prefix(5))
            #expect(decoder.holdsWholeFrame)
            #expect(try decoder.next() == message)
            #expect(!decoder.holdsWholeFrame, "the rest is the start of a frame only")
        }
    }

    @Test("a header that claims too much is held as a whole frame, so that the refusal is read at once")
    func oversizedHeader() {
        var decoder = FrameDecoder()
        decoder.append(FrameFormat.magic + [FrameFormat.version, 0x07, 0xFF, 0xFF, 0xFF, 0xFF])
        #expect(decoder.holdsWholeFrame)
        #expect(throws: FrameError.self) { try decoder.next() }
        #expect(decoder.holdsWholeFrame, "the decoder keeps refusing")
    }

    /// The reply and a step in one write, in either order: the request's read takes both off the socket, so the
    /// step waits on this side (in the decoder behind the reply, or kept aside while the reply was awaited).
    @Test(
        "a step that came in the same read as a request's reply is buffered until it is received",
        arguments: [false, true])
    func stepWithAReply(stepFirst: Bool) throws {
        let (tutorEnd, serverEnd) = try SocketPair.make()
        defer { close(serverEnd) }
        let link = ClassLinkConnection(descriptor: tutorEnd)
        let step = ClassMessage.followStep(lessonID: "close", position: 2, revealed: false)
        let reply = ClassMessage.saved(request: 1)
        let frames = stepFirst ? step.frame() + reply.frame() : reply.frame() + step.frame()
        #expect(write(serverEnd, frames, frames.count) == frames.count)
        #expect(!link.hasBufferedMessages)
        #expect(try link.request(timeoutMilliseconds: 5_000) { .saveProgress(request: $0, book: []) } == reply)
        var nothing = pollfd(fd: tutorEnd, events: Int16(POLLIN), revents: 0)
        #expect(poll(&nothing, 1, 0) == 0, "the socket has nothing more to say")
        #expect(link.hasBufferedMessages)
        #expect(try link.receive(timeoutMilliseconds: 0) == step)
        #expect(!link.hasBufferedMessages)
    }
}
