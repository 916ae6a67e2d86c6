import ClassStore
import Dispatch
import NIOCore
import NIOSSH

/// The instructor's session (user `instructor`, with a key from `--instructor-key`), redrawn every second: who is
/// connected; during an exam, each student's answers, time left and state, read from the store (the students
/// who left included). `q` leaves, and the class goes on; the class's end (SIGTERM) ends it too.
///
/// It takes a seat in the room as the instructor's, which `--max-sessions` does not count: a full class never
/// locks the instructor out.
final class InstructorSessionHandler: SSHSessionHandler {
    private let peer: String
    private let room: ClassRoom
    private let log: ClassLog
    private let exam: ExamWatch?
    private var words = ServerWords(lang: nil)
    /// The terminal's size, or nil for plain lines (TERM=dumb, or no terminal asked for).
    private var size: (columns: Int, rows: Int)?
    private var timer: RepeatedTask?
    private var seat: Int?
    private var ended = false
    private var ending = false

    /// The exam as last read from the store, and what went wrong reading it.
    private var summaries: [SittingSummary] = []
    /// Whether the store has been read once: until it has, the exam's screen would show nobody's answers.
    private var read = false
    private var problem: String?
    private var reading = false
    /// The first student row shown, when the list is longer than the screen.
    private var scroll = 0
    /// What the screen shows now (full screen), or what the last plain lines said but for the clocks.
    private var shown: [String] = []
    private var keys = KeyReader()

    init(peer: String, room: ClassRoom, log: ClassLog, exam: ExamWatch? = nil) {
        self.peer = peer
        self.room = room
        self.log = log
        self.exam = exam
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            if !request.term.isEmpty && request.term != "dumb" {
                let asked = WindowSize(columns: request.terminalCharacterWidth, rows: request.terminalRowHeight)
                size = asked?.or((80, 24)) ?? (80, 24)
            }
            reply(request.wantReply, context: context)
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            if request.name == "LANG" { words = ServerWords(lang: request.value) }
            reply(request.wantReply, context: context)
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            guard size != nil,
                let asked = WindowSize(columns: request.terminalCharacterWidth, rows: request.terminalRowHeight)
            else { return }
            size = asked.or(size ?? (80, 24))
            shown = []
            draw(context: context)
        case let request as SSHChannelRequestEvent.ShellRequest:
            reply(request.wantReply, context: context)
            start(context: context)
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
        for key in keys.read(Array(bytes.readableBytesView)) {
            switch key {
            case .leave: return end(status: 0, context: context)
            case .scroll(let rows):
                scroll += rows
                draw(context: context)
            case .page(let pages):
                // A screen's worth, less the title, the counts and the keys around the list.
                scroll += pages * max(1, (size?.rows ?? 24) - 8)
                draw(context: context)
            case .again:
                shown = []
                draw(context: context)
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        // Gone (the instructor left or the connection broke): a store read still on its way draws nothing.
        ended = true
        timer?.cancel()
        leaveSeat()
        context.fireChannelInactive()
    }

    private func start(context: ChannelHandlerContext) {
        let loop = context.eventLoop
        let session = NIOLoopBound((self, context), eventLoop: loop)
        guard let instructor = try? StudentID(userName: LoginGate.instructorName) else { return }
        switch room.take(
            student: instructor, peer: peer, instructor: true,
            endClass: { loop.execute { session.value.0.classEnds(context: session.value.1) } })
        {
        case .success(let number): seat = number
        case .failure:
            write("tcptutor class: \(words.ending)\r\n", context: context)
            return end(status: 1, context: context)
        }
        log.record("login", [("instructor", LoginGate.instructorName), ("from", peer)])
        if size != nil { write("\u{1B}[H\u{1B}[2J", context: context) }
        refresh(context: context)
        timer = loop.scheduleRepeatedTask(initialDelay: .seconds(1), delay: .seconds(1)) { _ in
            session.value.0.refresh(context: session.value.1)
        }
    }

    /// Reads the exam from the store off the event loop (a database read waits for the disk), then draws; with
    /// no exam, draws at once.
    private func refresh(context: ChannelHandlerContext) {
        guard let exam else { return draw(context: context) }
        guard !reading else { return }
        reading = true
        let session = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let loop = context.eventLoop
        DispatchQueue.global().async {
            let result = Result { () throws(ClassStoreError) in try exam.summaries() }
            loop.execute {
                let (handler, context) = session.value
                handler.reading = false
                handler.read = true
                switch result {
                case .success(let summaries):
                    handler.summaries = summaries
                    handler.problem = nil
                case .failure(let error):
                    handler.problem = error.description
                }
                handler.draw(context: context)
            }
        }
    }

    /// The class is ending (SIGTERM): the screen says so, and the session ends.
    private func classEnds(context: ChannelHandlerContext) {
        guard !ended else { return }
        ending = true
        if exam != nil && !read {
            write("\r\n\(words.ending)\r\n", context: context)
        } else {
            draw(context: context)
        }
        end(status: 0, context: context)
    }

    private func draw(context: ChannelHandlerContext) {
        guard !ended, exam == nil || read else { return }
        let screen = InstructorScreen(words: words, size: size)
        let lines: [String]
        var unchanged: [String]
        if let exam {
            let standings = ExamStanding.roll(
                summaries: summaries, connected: room.students.map(\.student.value), questions: exam.questionCount,
                now: StudentLinkServer.now())
            lines = screen.examLines(
                watch: exam, standings: standings, problem: problem, ending: ending, scroll: &scroll)
            // Plain lines are written again when a student's state changes, not each time a clock ticks.
            unchanged = standings.map { "\($0.student) \($0.state) \($0.answered) \($0.sessions)" }
            unchanged += [problem ?? "", "\(ending)"]
        } else {
            lines = screen.classLines(students: room.students, limit: room.maxSessions, ending: ending)
            unchanged = lines
        }
        if size != nil { unchanged = lines }
        guard unchanged != shown else { return }
        shown = unchanged
        if size != nil {
            // Over what is there, each line cleared to its end and the rest of the screen below: no flicker.
            write("\u{1B}[H" + lines.joined(separator: "\u{1B}[K\r\n") + "\u{1B}[K\u{1B}[J", context: context)
        } else {
            write("\r\n" + lines.joined(separator: "\r\n") + "\r\n", context: context)
        }
    }

    private func write(_ text: String, context: ChannelHandlerContext) { send(text, context: context) }

    private func end(status: Int, context: ChannelHandlerContext) {
        guard !ended else { return }
        ended = true
        timer?.cancel()
        timer = nil
        if size != nil { write("\r\n", context: context) }
        let channel = context.channel
        log.record("exit", [("instructor", LoginGate.instructorName), ("status", "\(status)")])
        Self.exit(channel, status: status)
    }

    private func leaveSeat() {
        if let seat { room.leave(seat) }
        seat = nil
    }
}
