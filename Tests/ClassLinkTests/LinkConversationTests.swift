import ClassLink
import Foundation
import TCPTutorTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Two threads talk over a real socketpair: one plays the class server, the other the student's tutor.
@Suite("Class link over a socketpair")
struct LinkConversationTests {
    /// A server that keeps answers the way the store does: a second answer to one question is refused.
    static func serve(_ descriptor: Int32, replies: Int, before: [ClassMessage] = []) -> [ClassMessage] {
        let link = ClassLinkConnection(descriptor: descriptor, peer: "the tutor")
        var received: [ClassMessage] = []
        var answered: Set<UInt32> = []
        do {
            try link.send(.hello(Hello(student: "ada", mode: .exam, language: "en")))
            for _ in 0..<replies {
                guard let message = try link.receive(timeoutMilliseconds: 5_000) else { break }
                received.append(message)
                for early in before { try link.send(early) }
                switch message {
                case .saveProgress(let request, _): try link.send(.saved(request: request))
                case .examAnswer(let request, let answer):
                    if answered.insert(answer.question).inserted {
                        try link.send(.committed(request: request))
                    } else {
                        try link.send(
                            .refused(request: request, reason: "question \(answer.question) is answered already"))
                    }
                case .finishExam(let request, _): try link.send(.committed(request: request))
                default: break
                }
            }
        } catch {
            received.append(.bye(reason: "server error: \(error)"))
        }
        return received
    }

    @Test("hello, a progress save, answers committed and one refused, with a follow step arriving in between")
    func conversation() throws {
        let (tutorEnd, serverEnd) = try SocketPair.make()
        let book = Array(#"{"version":1,"lessons":{}}"#.utf8)
        let answer = ExamAnswer(question: 1, point: "three-way-handshake:14", fields: ["flags": "S", "seq": "100"])
        let server = TestThread {
            Self.serve(serverEnd, replies: 4, before: [.followStep(lessonID: "close", position: 3, revealed: false)])
        }
        let link = ClassLinkConnection(descriptor: tutorEnd)
        #expect(
            try link.receive(timeoutMilliseconds: 5_000) == .hello(Hello(student: "ada", mode: .exam, language: "en")))
        let saved = try link.request(timeoutMilliseconds: 5_000) { .saveProgress(request: $0, book: book) }
        #expect(saved == .saved(request: 1))
        #expect(
            try link.request(timeoutMilliseconds: 5_000) { .examAnswer(request: $0, answer) } == .committed(request: 2))
        let again = try link.request(timeoutMilliseconds: 5_000) { .examAnswer(request: $0, answer) }
        #expect(again == .refused(request: 3, reason: "question 1 is answered already"))
        #expect(
            try link.request(timeoutMilliseconds: 5_000) { .finishExam(request: $0, timeUp: false) }
                == .committed(request: 4))
        // The steps the server sent while requests waited are kept, in order, for the runtime.
        for _ in 0..<4 {
            #expect(
                try link.receive(timeoutMilliseconds: 0) == .followStep(lessonID: "close", position: 3, revealed: false)
            )
        }
        let received = server.join()
        // The server has gone: a look at the link says so rather than finding nothing.
        #expect(throws: ClassLinkError.self) { try link.receive(timeoutMilliseconds: 0) }
        #expect(
            received == [
                .saveProgress(request: 1, book: book), .examAnswer(request: 2, answer),
                .examAnswer(request: 3, answer), .finishExam(request: 4, timeUp: false),
            ])
    }

    @Test("a server that does not answer is a timeout; its late answer is not taken for the next request's")
    func timeoutAndLateReply() throws {
        let (tutorEnd, serverEnd) = try SocketPair.make()
        let go = DispatchSemaphore(value: 0)
        let server = TestThread {
            let link = ClassLinkConnection(descriptor: serverEnd, peer: "the tutor")
            defer { withExtendedLifetime(link) {} }
            guard case .saveProgress(let first, _)? = try? link.receive(timeoutMilliseconds: 5_000) else { return }
            go.wait()
            // The answer to the first request comes late, then the second is answered.
            try? link.send(.saved(request: first))
            guard case .saveProgress(let second, _)? = try? link.receive(timeoutMilliseconds: 5_000) else { return }
            try? link.send(.refused(request: second, reason: "the store is full"))
        }
        let link = ClassLinkConnection(descriptor: tutorEnd)
        let started = ContinuousClock.now
        let error = try #require(throws: ClassLinkError.self) {
            try link.request(timeoutMilliseconds: 200) { .saveProgress(request: $0, book: [1]) }
        }
        let waited = ContinuousClock.now - started
        #expect(error == .timedOut(peer: "the class server", milliseconds: 200))
        #expect(error.description == "the class server did not answer within 200 ms; nothing was saved")
        #expect(waited >= .milliseconds(200) && waited < .seconds(2))
        go.signal()
        let reply = try link.request(timeoutMilliseconds: 5_000) { .saveProgress(request: $0, book: [2]) }
        #expect(reply == .refused(request: 2, reason: "the store is full"))
        server.join()
    }

    @Test("a server that dies or says bye is named as gone, never waited for")
    func serverGone() throws {
        let (tutorEnd, serverEnd) = try SocketPair.make()
        close(serverEnd)
        let link = ClassLinkConnection(descriptor: tutorEnd)
        let started = ContinuousClock.now
        let error = try #require(throws: ClassLinkError.self) {
            try link.request(timeoutMilliseconds: 10_000) { .saveProgress(request: $0, book: [1]) }
        }
        #expect(ContinuousClock.now - started < .seconds(5))
        guard case .gone(let peer, _) = error else {
            Issue.record("expected gone, got \(error)")
            return
        }
        #expect(peer == "the class server")
        #expect(error.description.hasPrefix("the class server is gone"))

        let (tutor2, server2) = try SocketPair.make()
        let server = TestThread {
            let link = ClassLinkConnection(descriptor: server2, peer: "the tutor")
            _ = try? link.receive(timeoutMilliseconds: 5_000)
            try? link.send(.bye(reason: "the class has ended"))
        }
        let link2 = ClassLinkConnection(descriptor: tutor2)
        let bye = try #require(throws: ClassLinkError.self) {
            try link2.request(timeoutMilliseconds: 5_000) { .finishExam(request: $0, timeUp: false) }
        }
        #expect(bye == .gone(peer: "the class server", reason: "the class has ended"))
        server.join()
    }

    @Test("a look without waiting takes what is on the socket, and says nil when nothing is")
    func receiveWithoutWaiting() throws {
        let (tutorEnd, serverEnd) = try SocketPair.make()
        let link = ClassLinkConnection(descriptor: tutorEnd)
        #expect(try link.receive(timeoutMilliseconds: 0) == nil)
        let step = ClassMessage.followStep(lessonID: "close", position: 4, revealed: true)
        let frame = step.frame() + ClassMessage.classroom(students: 3).frame()
        #expect(write(serverEnd, frame, frame.count) == frame.count)
        #expect(try link.receive(timeoutMilliseconds: 0) == step)
        #expect(try link.receive(timeoutMilliseconds: 0) == .classroom(students: 3))
        #expect(try link.receive(timeoutMilliseconds: 0) == nil)
        close(serverEnd)
    }

    @Test("garbage from the other end is a frame error, not a crash or a hang")
    func garbageOnTheSocket() throws {
        let (tutorEnd, serverEnd) = try SocketPair.make()
        let garbage = Array("SSH-2.0-OpenSSH_9.2\r\n".utf8)
        #expect(write(serverEnd, garbage, garbage.count) == garbage.count)
        let link = ClassLinkConnection(descriptor: tutorEnd)
        let error = try #require(throws: ClassLinkError.self) { try link.receive(timeoutMilliseconds: 5_000) }
        guard case .frame(let frameError) = error else {
            Issue.record("expected a frame error, got \(error)")
            return
        }
        #expect(frameError.message.contains("not a class link frame"))
        close(serverEnd)
    }
}
