import ClassLink
import Foundation
import TCPTutorTestSupport
import Testing
import TutorSession

#if canImport(Glibc)
    import Glibc
#endif

/// Follow mode on a real terminal: the tutor in a tmux pane reaches the test through `TCPTUTOR_CLASS_LINK` set
/// to a Unix socket's path (a pane cannot inherit a descriptor), and the test plays the class server.
@Suite("Follow mode on a full screen")
struct FollowTerminalTests {
    static let lesson = "three-way-handshake"

    /// Listens on `path`, starts the tutor in the pane with the link named, and accepts its connection.
    static func start(_ terminal: TmuxTerminal) throws -> (TutorRun, ClassLinkConnection) {
        let path = terminal.folder.appendingPathComponent("link").path
        let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: Array(path.utf8) + [0])
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0, listen(listener, 1) == 0 else { throw HarnessError("cannot listen on \(path)") }
        let run = try TutorRun(
            terminal, arguments: ["--no-animation"], environment: ["TCPTUTOR_CLASS_LINK=\(path)"])
        var waiting = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        guard poll(&waiting, 1, 10_000) == 1 else { throw HarnessError("the tutor did not connect") }
        let descriptor = accept(listener, nil, nil)
        guard descriptor >= 0 else { throw HarnessError("accept failed") }
        return (run, ClassLinkConnection(descriptor: descriptor, peer: "the tutor"))
    }

    /// The next message of the kind `match` picks, within 20 s (a bound for a loaded machine, not a measure);
    /// saves are acknowledged on the way.
    static func next<T>(_ link: ClassLinkConnection, _ match: (ClassMessage) -> T?) throws -> T {
        let deadline = Date().addingTimeInterval(20)
        var seen: [ClassMessage] = []
        while Date() < deadline {
            guard let message = try link.receive(timeoutMilliseconds: 100) else { continue }
            if case .saveProgress(let request, _) = message { try link.send(.saved(request: request)) }
            if let found = match(message) { return found }
            seen.append(message)
        }
        throw HarnessError("no such message from the tutor; it sent \(seen)")
    }

    /// The class ends: the tutor saves (acknowledged), leaves, and the terminal is as it was.
    static func endClass(_ link: ClassLinkConnection, _ run: TutorRun) throws {
        try link.send(.classEnding(reason: "the instructor ended the class"))
        while let message = try? link.receive(timeoutMilliseconds: 5_000) {
            if case .saveProgress(let request, _) = message { try? link.send(.saved(request: request)) }
        }
        try run.expectRestored()
    }

    @Test("a student's screen shows the instructor's step, sends the answer, and grades it only at the reveal")
    func follower() throws {
        let terminal = try TmuxTerminal()
        let (run, link) = try Self.start(terminal)
        let (position, question) = try Curriculum.firstQuestion(Self.lesson)
        try link.send(.hello(Hello(student: "ada", mode: .follow, language: "en")))
        try link.send(.followStep(lessonID: Self.lesson, position: UInt32(position), revealed: false))
        try terminal.waitFor("following the instructor")
        let typed = RightAnswer.typed(question)
        try terminal.type(question.fields.map { typed[$0] ?? "" }.joined(separator: "\t"))
        try terminal.send("Enter")
        let fields = try Self.next(link) { message -> [String: String]? in
            if case .classAnswer(UInt32(position), let fields) = message { return fields }
            return nil
        }
        #expect(try QuizAnswer(fieldTexts: fields) == AnswerParser.answer(typed, hosts: question.hosts))
        let waiting = try terminal.waitFor("Your answer is sent")
        #expect(!waiting.joined().contains("points"), "no grade before the reveal")

        try link.send(.followStep(lessonID: Self.lesson, position: UInt32(position), revealed: true))
        try terminal.waitFor("points")
        try Self.endClass(link, run)
    }

    @Test("the instructor's screen sends each step, counts the class's answers and shows them at the reveal")
    func instructor() throws {
        let terminal = try TmuxTerminal()
        let (run, link) = try Self.start(terminal)
        let (position, question) = try Curriculum.firstQuestion(Self.lesson)
        try link.send(.hello(Hello(student: "instructor", mode: .lead, language: "en", lesson: Self.lesson)))
        let first = try Self.next(link) { message -> UInt32? in
            if case .presenterStep(Self.lesson, let at, false) = message { return at }
            return nil
        }
        #expect(first == 0)
        // The first step goes out before the screen is up: keys pressed before it would be keys to no screen.
        try terminal.waitFor("Step 1 of")
        try link.send(.classroom(students: 2))
        for _ in 0..<position { try terminal.send("Right") }
        _ = try Self.next(link) { message -> Bool? in
            if case .presenterStep(_, UInt32(position), false) = message { return true }
            return nil
        }
        try terminal.waitFor("0 of 2 answered")
        let right = try AnswerParser.answer(RightAnswer.typed(question), hosts: question.hosts).fieldTexts
        try link.send(.studentAnswer(student: "ada", position: UInt32(position), fields: right))
        try terminal.waitFor("1 of 2 answered")
        try terminal.send("Enter")
        _ = try Self.next(link) { message -> Bool? in
            if case .presenterStep(_, _, _) = message { return true }
            return nil
        }
        try terminal.waitFor("Class answers: 1 of 2 answered")
        try Self.endClass(link, run)
    }
}
