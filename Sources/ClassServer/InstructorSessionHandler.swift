import NIOCore
import NIOSSH

/// The instructor's session (user `instructor`, with a key from `--instructor-key`): who is connected, from
/// where and since when, redrawn when it changes (checked every second); `q` leaves, and the class goes on.
final class InstructorSessionHandler: ChannelInboundHandler {
    typealias InboundIn = SSHChannelData
    typealias OutboundOut = SSHChannelData

    private let peer: String
    private let room: ClassRoom
    private let log: ClassLog
    private var fullScreen = false
    private var shown: [String] = []
    private var timer: RepeatedTask?

    init(peer: String, room: ClassRoom, log: ClassLog) {
        self.peer = peer
        self.room = room
        self.log = log
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            fullScreen = !request.term.isEmpty && request.term != "dumb"
            reply(request.wantReply, context: context)
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            reply(request.wantReply, context: context)
        case let request as SSHChannelRequestEvent.ShellRequest:
            reply(request.wantReply, context: context)
            log.record("login", [("instructor", LoginGate.instructorName), ("from", peer)])
            draw(context: context)
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            timer = context.eventLoop.scheduleRepeatedTask(initialDelay: .seconds(1), delay: .seconds(1)) { _ in
                bound.value.0.draw(context: bound.value.1)
            }
        case let request as SSHChannelRequestEvent.ExecRequest:
            reply(request.wantReply, context: context)
            write("tcptutor class: this server runs no command: log in without one\r\n", context: context)
            end(status: 1, context: context)
        case ChannelEvent.inputClosed:
            end(status: 0, context: context)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        guard case .channel = message.type, case .byteBuffer(let bytes) = message.data else { return }
        // q, Ctrl-C or Ctrl-D leave.
        if bytes.readableBytesView.contains(where: { $0 == UInt8(ascii: "q") || $0 == 3 || $0 == 4 }) {
            end(status: 0, context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        context.fireChannelInactive()
    }

    /// The screen: one line per student, oldest login first.
    static func lines(room: ClassRoom) -> [String] {
        let seats = room.seats
        let limit = room.maxSessions.map { " (at most \($0))" } ?? ""
        var lines = ["TCPTutor class: \(seats.count) students connected\(limit)", ""]
        for seat in seats {
            lines.append("  \(seat.student.value.padding(to: 20))  since \(seat.since)  from \(seat.peer)")
        }
        if seats.isEmpty { lines.append("  (nobody yet)") }
        lines += ["", room.isEnding ? "The class is ending." : "q: leave (the class goes on)"]
        return lines
    }

    private func draw(context: ChannelHandlerContext) {
        let lines = Self.lines(room: room)
        guard lines != shown else { return }
        shown = lines
        let screen = (fullScreen ? "\u{1B}[H\u{1B}[2J" : "\r\n") + lines.joined(separator: "\r\n") + "\r\n"
        write(screen, context: context)
    }

    private func write(_ text: String, context: ChannelHandlerContext) {
        var buffer = context.channel.allocator.buffer(capacity: text.utf8.count)
        buffer.writeString(text)
        context.writeAndFlush(wrapOutboundOut(SSHChannelData(type: .channel, data: .byteBuffer(buffer))), promise: nil)
    }

    private func end(status: Int, context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        let channel = context.channel
        log.record("exit", [("instructor", LoginGate.instructorName), ("status", "\(status)")])
        channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: status)).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    private func reply(_ wanted: Bool, context: ChannelHandlerContext) {
        guard wanted else { return }
        context.triggerUserOutboundEvent(ChannelSuccessEvent(), promise: nil)
    }
}

extension String {
    /// The string with spaces after it to `width` characters (longer strings unchanged).
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
