import NIOCore
import NIOSSH

/// A session channel's handler (RFC 4254 §6), the student's or the instructor's: what both write to the channel
/// the same way — text on the session's output or its standard error, the answer to a request that wants one
/// (§5.4), and the exit status that ends the session (§6.10).
protocol SSHSessionHandler: ChannelInboundHandler
where InboundIn == SSHChannelData, OutboundOut == SSHChannelData {}

extension SSHSessionHandler {
    /// Writes `text` on the session's output (`.channel`) or its standard error (`.stdErr`).
    @discardableResult
    func send(
        _ text: String, on type: SSHChannelData.DataType = .channel, context: ChannelHandlerContext
    ) -> EventLoopFuture<Void> {
        var buffer = context.channel.allocator.buffer(capacity: text.utf8.count)
        buffer.writeString(text)
        return context.writeAndFlush(wrapOutboundOut(SSHChannelData(type: type, data: .byteBuffer(buffer))))
    }

    /// Answers a request that asked for an answer: success, or failure.
    func reply(_ wanted: Bool, _ success: Bool = true, context: ChannelHandlerContext) {
        guard wanted else { return }
        if success {
            context.triggerUserOutboundEvent(ChannelSuccessEvent(), promise: nil)
        } else {
            context.triggerUserOutboundEvent(ChannelFailureEvent(), promise: nil)
        }
    }

    /// Ends the session: its exit status, then the channel closed.
    static func exit(_ channel: Channel, status: Int) {
        channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: status)).whenComplete { _ in
            channel.close(promise: nil)
        }
    }
}
