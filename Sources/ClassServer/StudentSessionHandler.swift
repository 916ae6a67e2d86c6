import ClassLink
import ClassStore
import Dispatch
import NIOCore
import NIOPosix
import NIOSSH

/// One SSH session channel (RFC 4254 §6): takes the terminal's type and size (`pty-req`), the language (`env`),
/// starts the student's tutor on `shell`, relays bytes both ways, passes window changes on, and ends with the
/// tutor's exit status (`exit-status`, §6.10) once everything the tutor wrote has been sent.
final class StudentSessionHandler: SSHSessionHandler {
    private let userName: String
    /// The instructor's session in a follow class: its tutor leads the lesson.
    private let instructor: Bool
    private let peer: String
    private let launch: TutorLaunch
    private let room: ClassRoom
    private let log: ClassLog

    private var context: ChannelHandlerContext?
    private var term: String?
    private var size = (columns: 80, rows: 24)
    private var clientVariables: [String: String] = [:]
    private var student: StudentID?
    private var tutor: TutorProcess?
    private var ptyChannel: Channel?
    /// Keys typed before the pty's channel was ready: sent as soon as it is.
    private var pendingKeys: [ByteBuffer] = []
    private var lastOutput: EventLoopFuture<Void>?
    private var startedAt: ContinuousClock.Instant?
    private var ended = false
    /// The seat taken in the class room while the tutor runs.
    private var seat: Int?
    /// The class is ending (SIGTERM): the tutor was asked to end, the student is told why once it has.
    private var classEnding = false

    init(
        userName: String, peer: String, launch: TutorLaunch, room: ClassRoom, log: ClassLog, instructor: Bool = false
    ) {
        self.userName = userName
        self.instructor = instructor
        self.peer = peer
        self.launch = launch
        self.room = room
        self.log = log
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        eventLoop = context.eventLoop
        // The client may close its side (end of input) while the tutor still writes.
        context.channel.setOption(ChannelOptions.allowRemoteHalfClosure, value: true).whenFailure { _ in }
    }

    /// The loop the session runs on, kept after the channel goes: a tutor that ends later is reaped on it.
    private var eventLoop: EventLoop?

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            term = request.term.isEmpty ? "dumb" : request.term
            guard let size = WindowSize(columns: request.terminalCharacterWidth, rows: request.terminalRowHeight)
            else {
                // Accepted, so that the client waits for the reason and the exit status.
                reply(request.wantReply, true, context: context)
                refuseSize(request.terminalCharacterWidth, request.terminalRowHeight, context: context)
                return
            }
            self.size = size.or(self.size)
            reply(request.wantReply, tutor == nil, context: context)
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            let accepted = TutorLaunch.acceptsVariable(request.name) && request.value.count < 256
            if accepted { clientVariables[request.name] = request.value }
            reply(request.wantReply, accepted, context: context)
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            guard let size = WindowSize(columns: request.terminalCharacterWidth, rows: request.terminalRowHeight)
            else {
                // The tutor keeps drawing at the size it has; the student is told why, on standard error.
                log.record(
                    "refused-window-change",
                    [
                        ("student", student?.value ?? userName),
                        ("size", "\(request.terminalCharacterWidth)x\(request.terminalRowHeight)"),
                    ], level: .warning)
                tell(
                    "a \(request.terminalCharacterWidth)x\(request.terminalRowHeight) window is larger than the tutor "
                        + "draws (\(WindowSize.limitText)); it keeps drawing at \(self.size.columns)x\(self.size.rows)",
                    context: context)
                repaintSoon(context: context)
                return
            }
            self.size = size.or(self.size)
            tutor?.resize(columns: self.size.columns, rows: self.size.rows)
        case let request as SSHChannelRequestEvent.ShellRequest:
            startTutor(wantReply: request.wantReply, context: context)
        case let request as SSHChannelRequestEvent.ExecRequest:
            // Accepted, so that the client waits for the reason and the exit status (a refused exec only says
            // "exec request failed").
            reply(request.wantReply, true, context: context)
            refuse("this server runs the tutor only: log in without a command", context: context)
        case ChannelEvent.inputClosed:
            // End of the client's input: ^D at the start of a line is end-of-file to the tutor's terminal.
            var eof = context.channel.allocator.buffer(capacity: 1)
            eof.writeInteger(UInt8(4))
            sendKeys(eof)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        guard case .channel = message.type, case .byteBuffer(let bytes) = message.data else { return }
        sendKeys(bytes)
    }

    func channelInactive(context: ChannelHandlerContext) {
        // The student went (or the connection broke): hang up their tutor as a terminal closing does.
        tutor?.hangUp()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        log.record("session-error", [("student", student?.value ?? userName), ("error", "\(error)")])
        context.close(promise: nil)
    }

    // MARK: - The tutor

    private func startTutor(wantReply: Bool, context: ChannelHandlerContext) {
        guard tutor == nil, !ended else {
            // After a refusal (already on its way), accepted: the client then waits for the reason and the exit
            // status instead of leaving with "shell request failed". A second shell is refused.
            reply(wantReply, ended && tutor == nil, context: context)
            return
        }
        let student: StudentID
        do {
            student = try StudentID(userName: userName)
        } catch {
            reply(wantReply, true, context: context)
            log.record("refused", [("user", userName), ("from", peer), ("reason", error.description)])
            refuse("'\(userName)' is not a student id: \(error.description)", context: context)
            return
        }
        self.student = student
        let session = NIOLoopBound(self, eventLoop: context.eventLoop)
        let loop = context.eventLoop
        switch room.take(
            student: student, peer: peer, instructor: instructor,
            endClass: { loop.execute { session.value.endClass() } })
        {
        case .success(let number):
            seat = number
        case .failure(.full(let limit)):
            reply(wantReply, true, context: context)
            log.record(
                "refused", [("student", student.value), ("from", peer), ("reason", "class full (\(limit))")],
                level: .warning)
            refuse(
                "the class is full: \(limit) students are connected, the most this server takes. Try again in a few "
                    + "minutes, or tell the instructor.", context: context)
            return
        case .failure(.ending):
            reply(wantReply, true, context: context)
            refuse("the class is ending; no new session starts now", context: context)
            return
        }
        let terminal = term != nil
        let process: TutorProcess
        do {
            var environment = launch.environment(for: student, term: term ?? "dumb", clientVariables: clientVariables)
            // Every session runs on the class link: the progress (and an exam's answers) go to the server's store,
            // and nothing is written on the student's side; a follow class also carries the steps and answers.
            let language = (environment["LANG"] ?? "").hasPrefix("zh") ? "zh" : ""
            let link = try launch.link(for: student, instructor: instructor, language: language, log: log)
            environment["TCPTUTOR_CLASS_LINK"] = "3"
            defer { link.server.closeTutorEnd() }
            process = try TutorProcess(
                executable: launch.executable, arguments: launch.arguments(for: student), environment: environment,
                columns: size.columns, rows: size.rows, terminal: terminal, link: link.server.tutorEnd)
            link.serve(log: log)
        } catch {
            leaveSeat()
            reply(wantReply, false, context: context)
            log.record("start-failed", [("student", student.value), ("error", "\(error)")])
            refuse("the tutor could not be started (\(error)); please tell the instructor", context: context)
            return
        }
        tutor = process
        if let seat { room.seated(seat, pid: process.pid) }
        startedAt = .now
        reply(wantReply, true, context: context)
        log.record(
            "login",
            [("student", student.value), ("from", peer), ("term", term ?? "none"), ("pid", "\(process.pid)")])
        let descriptor = dup(process.master)
        NIOPipeBootstrap(group: context.eventLoop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(TutorOutputHandler(session: session))
                }
            }
            .takingOwnershipOfDescriptor(inputOutput: descriptor)
            .whenComplete { result in
                switch result {
                case .success(let channel): session.value.ptyReady(channel)
                case .failure(let error):
                    session.value.log.record("relay-failed", [("error", "\(error)")])
                    session.value.tutor?.hangUp()
                    session.value.tutorClosed()
                }
            }
    }

    private func ptyReady(_ channel: Channel) {
        ptyChannel = channel
        for keys in pendingKeys { channel.write(keys, promise: nil) }
        pendingKeys = []
        channel.flush()
    }

    private func sendKeys(_ bytes: ByteBuffer) {
        if let ptyChannel {
            ptyChannel.writeAndFlush(bytes, promise: nil)
        } else if tutor != nil {
            pendingKeys.append(bytes)
        }
    }

    /// What the tutor drew, on its way to the student.
    fileprivate func tutorWrote(_ bytes: ByteBuffer) {
        guard let context else { return }
        if let startedAt, let student {
            let elapsed = ContinuousClock.now - startedAt
            log.record("first-output", [("student", student.value), ("ms", milliseconds(elapsed))])
            self.startedAt = nil
        }
        let future = context.writeAndFlush(wrapOutboundOut(SSHChannelData(type: .channel, data: .byteBuffer(bytes))))
        lastOutput = future
    }

    /// The tutor's side of the pty closed: wait for the process off the event loop, then send its exit status
    /// after the last of its output.
    fileprivate func tutorClosed() {
        // The session's channel may be gone already (the student's connection broke): the tutor is still reaped
        // and the seat freed, on the loop the session ran on.
        guard let tutor, !ended, let loop = eventLoop else { return }
        ended = true
        ptyChannel = nil
        let session = NIOLoopBound(self, eventLoop: loop)
        DispatchQueue.global().async {
            let status = tutor.waitForExit()
            close(tutor.master)
            loop.execute { session.value.finish(status: status) }
        }
    }

    private func finish(status tutorStatus: Int) {
        // Ended by the class's end as asked (SIGTERM, which the tutor takes as `q`, saving first): a clean end
        // for the student's ssh.
        let status = classEnding && tutorStatus == 128 + Int(SIGTERM) ? 0 : tutorStatus
        log.record(
            "exit",
            [
                ("student", student?.value ?? userName), ("status", "\(status)"), ("tutor-status", "\(tutorStatus)"),
                ("class-ending", "\(classEnding)"),
            ])
        guard let context else { return leaveSeat() }
        let channel = context.channel
        var done = lastOutput ?? context.eventLoop.makeSucceededVoidFuture()
        if classEnding {
            done = send("\r\n\(ServerWords(lang: clientVariables["LANG"]).classEnding)\r\n", context: context)
        }
        let room = self.room
        let seat = self.seat
        done.whenComplete { _ in
            channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: status)).whenComplete { _ in
                channel.close().whenComplete { _ in if let seat { room.leave(seat) } }
            }
        }
    }

    private func leaveSeat() {
        if let seat { room.leave(seat) }
        seat = nil
    }

    /// The class is ending: the tutor is asked to end as SIGTERM asks (it saves and restores the terminal), and
    /// `finish` tells the student once it has.
    fileprivate func endClass() {
        classEnding = true
        if let tutor, !ended {
            tutor.terminate()
        } else if !ended, let context {
            ended = true
            leaveSeat()
            context.close(promise: nil)
        }
    }

    /// Refuses a terminal larger than the tutor draws (a probe, or a client's bug): the session ends with why.
    private func refuseSize(_ columns: Int, _ rows: Int, context: ChannelHandlerContext) {
        log.record(
            "refused", [("user", userName), ("from", peer), ("reason", "terminal size \(columns)x\(rows)")],
            level: .warning)
        refuse(
            "a \(columns)x\(rows) terminal is larger than the tutor draws (\(WindowSize.limitText)); make the window "
                + "smaller and log in again", context: context)
    }

    /// The line `tell` wrote moved the student's screen under the tutor, which sends only what changed: after a
    /// moment to read it, Ctrl-L (the tutor's "repaint everything") puts the whole screen back. The plain lines
    /// need no repaint, and would take ^L as typed.
    private func repaintSoon(context: ChannelHandlerContext) {
        guard let term, term != "dumb" else { return }
        let session = NIOLoopBound(self, eventLoop: context.eventLoop)
        context.eventLoop.scheduleTask(in: .seconds(3)) {
            var key = ByteBuffer()
            key.writeInteger(UInt8(0x0C))
            session.value.sendKeys(key)
        }
    }

    /// A line on the client's standard error, the session going on.
    private func tell(_ message: String, context: ChannelHandlerContext) {
        send("\r\ntcptutor class: \(message)\r\n", on: .stdErr, context: context)
    }

    /// Ends the session with a message on the client's standard error and exit status 1.
    private func refuse(_ message: String, context: ChannelHandlerContext) {
        ended = true
        let channel = context.channel
        send("tcptutor class: \(message)\r\n", on: .stdErr, context: context).whenComplete { _ in
            Self.exit(channel, status: 1)
        }
    }

    private func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}

/// The pty master's channel: what the tutor writes goes to its session; the end of the tutor ends the relay.
private final class TutorOutputHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    let session: NIOLoopBound<StudentSessionHandler>

    init(session: NIOLoopBound<StudentSessionHandler>) { self.session = session }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        session.value.tutorWrote(unwrapInboundIn(data))
    }

    func channelInactive(context: ChannelHandlerContext) {
        session.value.tutorClosed()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // EIO: every process holding the pty's other side has closed it (Linux's way to say end of file).
        context.close(promise: nil)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
