import ClassLink
import Foundation
import TCPTutorTestSupport
import Testing
import TutorClassLink
import TutorSession

#if canImport(Glibc)
    import Glibc
#endif

/// The class link as the run loop's event source, over a real socketpair: the server's follow-mode messages become
/// the sessions' messages; the class ending, or a server that is gone, makes the session leave with the reason
/// kept for the student.
@Suite("Follow mode's messages from the class server")
struct ClassFollowSourceTests {
    static func pair() throws -> (ClassFollowSource, ClassLinkConnection) {
        let (tutorEnd, serverEnd) = try SocketPair.make()
        let source = ClassFollowSource(link: ClassLinkConnection(descriptor: tutorEnd), lessonID: "close")
        return (source, ClassLinkConnection(descriptor: serverEnd, peer: "the tutor"))
    }

    @Test("steps, the class's size and answers become messages; another lesson's steps and unreadable answers do not")
    func translated() throws {
        let (source, server) = try Self.pair()
        #expect(source.poll() == [])
        try server.send(.followStep(lessonID: "close", position: 4, revealed: true))
        try server.send(.followStep(lessonID: "three-way-handshake", position: 9, revealed: false))
        try server.send(.classroom(students: 25))
        try server.send(.studentAnswer(student: "ada", position: 4, fields: ["flags": "F.", "ack": "-"]))
        try server.send(.studentAnswer(student: "bob", position: 4, fields: ["flags": "XYZ"]))
        var messages: [Message] = []
        for _ in 0..<100 where messages.count < 3 {
            messages += source.poll()
            usleep(1_000)
        }
        #expect(
            messages == [
                .classStep(ClassStep(position: 4, revealed: true)), .classroom(.students(25)),
                .classroom(.answer(student: "ada", position: 4, QuizAnswer(flags: [.fin, .ack], ack: .absent))),
            ])
        #expect(source.unreadableAnswers == 1)
        #expect(source.isOpen)
    }

    @Test("the class ending makes the session leave as Ctrl-C does, and says why")
    func classEnding() throws {
        let (source, server) = try Self.pair()
        try server.send(.classEnding(reason: "the server is shutting down"))
        var messages: [Message] = []
        for _ in 0..<100 where messages.isEmpty {
            messages = source.poll()
            usleep(1_000)
        }
        #expect(messages == [.key(.interrupt)])
        #expect(source.ending == "the class is ending: the server is shutting down")
        #expect(!source.isOpen)
        #expect(source.poll() == [])
    }

    @Test("a server that is gone ends the session with the reason")
    func serverGone() throws {
        let (source, server) = try Self.pair()
        server.close()
        #expect(source.poll() == [.key(.interrupt)])
        #expect(source.ending == "the class server is gone (the link closed)")
    }

    @Test("a follower waits for the first step, which names the lesson; no step in time is a clear error")
    func firstStep() throws {
        let (source, server) = try Self.pair()
        try server.send(.classroom(students: 3))
        try server.send(.followStep(lessonID: "close", position: 7, revealed: false))
        let first = try ClassFollowSource.firstStep(on: source.link, timeoutMilliseconds: 2_000)
        #expect(first.lessonID == "close" && first.step == ClassStep(position: 7, revealed: false))
        let error = try #require(throws: ClassLinkError.self) {
            try ClassFollowSource.firstStep(on: source.link, timeoutMilliseconds: 100)
        }
        #expect(error == .timedOut(peer: "the class server", milliseconds: 100))
    }

    @Test("the link may be named by a socket's path; a path nobody listens on, or a word, is a clear error")
    func socketPath() throws {
        let missing = try #require(throws: ClassLinkError.self) {
            try ClassLinkStart.connect(environment: [ClassLinkStart.variable: "/nonexistent/class.sock"])
        }
        #expect(missing.description.contains("cannot connect to /nonexistent/class.sock"), "\(missing)")
        let word = try #require(throws: ClassLinkError.self) {
            try ClassLinkStart.connect(environment: [ClassLinkStart.variable: "three"])
        }
        #expect(word.description.contains("'three' is neither a file descriptor number nor a socket's path"))
    }
}
