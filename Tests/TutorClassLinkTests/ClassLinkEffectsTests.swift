import ClassLink
import ClassStore
import Foundation
import TCPTutorTestSupport
import Testing
import TutorClassLink
import TutorSession
import TutorStorage

/// The tutor's storage effects over a socketpair, with the other end played by the server's side of the
/// link (`StudentLinkRequests`) on a real store: the effects the sessions ask for are stored on the server,
/// and a tutor started again resumes from what the server kept.
@Suite("Tutor storage over the class link")
struct ClassLinkEffectsTests {
    static let key = try! ExamKey(bytes: Array("the class server's exam key, kept in DIR".utf8))
    static let parameters = ExamParameters(
        lessons: ["three-way-handshake", "four-way-teardown"], questionCount: 4, minutes: 30)

    static func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    /// The server's side of one session: hello (with the exam under way), then a reply to each request,
    /// until the tutor says bye or goes. Returns the requests it saw.
    static func serve(
        _ descriptor: Int32, store: SQLiteClassStore, exam: StudentLinkRequests.Exam?, mode: ClassMode = .exam
    ) -> [ClassMessage] {
        let link = ClassLinkConnection(descriptor: descriptor, peer: "the tutor")
        var requests = StudentLinkRequests(store: store, student: "ada", exam: exam)
        var seen: [ClassMessage] = []
        do {
            let resume = try requests.examAtLogin(now: now())
            let book = try store.progress(student: "ada") ?? []
            try link.send(.hello(Hello(student: "ada", mode: mode, language: "en", book: book, exam: resume)))
            while let message = try link.receive(timeoutMilliseconds: 10_000) {
                seen.append(message)
                if case .bye = message { break }
                if let reply = requests.reply(to: message, now: now()) { try link.send(reply) }
            }
        } catch {
            seen.append(.bye(reason: "\(error)"))
        }
        return seen
    }

    /// A tutor started with `TCPTUTOR_CLASS_LINK` naming its end of a new socketpair, and the server thread.
    static func start(
        store: SQLiteClassStore, exam: StudentLinkRequests.Exam?
    ) throws -> (ClassLinkStart, TestThread<[ClassMessage]>) {
        let (tutorEnd, serverEnd) = try SocketPair.make()
        let server = TestThread { serve(serverEnd, store: store, exam: exam) }
        let start = try #require(try ClassLinkStart.connect(environment: [ClassLinkStart.variable: "\(tutorEnd)"]))
        return (start, server)
    }

    static func exam(for sitting: ExamSitting) -> StudentLinkRequests.Exam {
        StudentLinkRequests.Exam(version: 1, parameters: parameters, fingerprint: sitting.blueprint.fingerprint)
    }

    @Test("exam settings as one string: written and read back, bad text refused with the form to use")
    func settingsText() throws {
        #expect(Self.parameters.settingsText == "three-way-handshake,four-way-teardown:4:30")
        #expect(try ExamParameters(settingsText: Self.parameters.settingsText) == Self.parameters)
        let half = ExamParameters(lessons: ["close"], questionCount: 2, minutes: 0.5)
        #expect(try ExamParameters(settingsText: half.settingsText) == half)
        let error = try #require(throws: ExamError.self) { try ExamParameters(settingsText: "handshake:five:30") }
        #expect("\(error)".contains("write LESSONS:QUESTIONS:MINUTES"))
        #expect(throws: ExamError.self) { try ExamParameters(settingsText: "handshake:0:30") }
    }

    @Test("no variable, no link; a variable that names no open descriptor is a clear error")
    func environment() throws {
        #expect(try ClassLinkStart.connect(environment: [:]) == nil)
        let error = try #require(throws: ClassLinkError.self) {
            try ClassLinkStart.connect(environment: [ClassLinkStart.variable: "987"])
        }
        #expect(error.description == "class link: TCPTUTOR_CLASS_LINK failed: descriptor 987 is not open")
    }

    @Test("a progress save is stored on the server in ProgressStore's bytes, and the next login gets it back")
    func progress() throws {
        let (store, _) = try StoreFixtures.store()
        var book = ProgressBook()
        book.lessons["three-way-handshake"] = LessonProgress(step: 3, stepCount: 9)
        let (start, server) = try Self.start(store: store, exam: nil)
        #expect(start.progress == .empty)
        let effects = ClassLinkEffects(link: start.link)
        #expect(effects.perform(.saveProgress(book)) == nil)
        #expect(effects.perform(.quit) == nil)
        server.join()
        #expect(try store.progress(student: "ada") == (try ProgressBookFormat.encode(book)))
        let (again, secondServer) = try Self.start(store: store, exam: nil)
        #expect(again.progress == .loaded(book))
        again.link.close()
        secondServer.join()
    }

    @Test(
        "an exam over the link: answers committed on the server, the tutor killed, resumed with every answer, full marks"
    )
    func examResumesAndGrades() throws {
        let (store, _) = try StoreFixtures.store()
        var sitting = try ExamSitting(
            key: Self.key, studentID: "ada", parameters: Self.parameters, lessons: Curriculum.folder, records: [],
            logName: "the class server")
        let exam = Self.exam(for: sitting)
        let (first, firstServer) = try Self.start(store: store, exam: exam)
        #expect(first.hello.exam == nil)
        let effects = ClassLinkEffects(link: first.link)
        let started = sitting.begin(at: Self.now())
        let begin = try #require(started)
        #expect(effects.perform(.appendToExamLog([begin])) == nil)
        for question in sitting.questions.prefix(2) {
            let entries = try sitting.submit(RightAnswer.typed(question.quiz), at: Self.now())
            #expect(effects.perform(.appendToExamLog(entries)) == nil)
        }
        // The tutor dies without a word: the server sees the link close.
        first.link.close()
        let seen = firstServer.join()
        #expect(seen.dropLast().map(\.request) == [1, 2, 3])
        #expect(seen.last == .bye(reason: "the tutor is gone (the link closed)"))

        let (second, secondServer) = try Self.start(store: store, exam: exam)
        let kept = try #require(second.hello.exam)
        #expect(kept.answers.map(\.question) == [1, 2])
        var resumed = try ExamSitting(
            key: Self.key, studentID: "ada", parameters: Self.parameters, lessons: Curriculum.folder,
            records: second.examRecords(parameters: Self.parameters, fingerprint: exam.fingerprint),
            logName: "the class server")
        #expect(resumed.isResumed && resumed.answers.count == 2)
        #expect(resumed.currentQuestion?.plan.number == 3)
        let effects2 = ClassLinkEffects(link: second.link)
        if let resume = resumed.resumeEntry(at: Self.now()) {
            #expect(effects2.perform(.appendToExamLog([resume])) == nil, "a resume is the server's own login")
        }
        while let question = resumed.currentQuestion {
            let entries = try resumed.submit(RightAnswer.typed(question.quiz), at: Self.now())
            #expect(effects2.perform(.appendToExamLog(entries)) == nil)
        }
        #expect(resumed.isFinished)
        #expect(effects2.perform(.quit) == nil)
        secondServer.join()

        let state = try #require(try store.sittingsForGrading().first)
        #expect(state.sitting.status == .finished)
        let result = ExamGrader(key: Self.key, lessons: Curriculum.folder).grade(
            log: state.examLog(parameters: try ExamParameters(settingsText: state.sitting.settings)), fileStudent: "ada"
        )
        #expect(result.status == .ok && result.issues.isEmpty, "\(result.issues)")
        #expect(result.total == result.possible)
    }

    @Test("a refusal, another exam's settings, or a server that is gone comes back as a failed write, and why")
    func failures() throws {
        let (store, _) = try StoreFixtures.store()
        var sitting = try ExamSitting(
            key: Self.key, studentID: "ada", parameters: Self.parameters, lessons: Curriculum.folder, records: [],
            logName: "the class server")
        var other = Self.exam(for: sitting)
        other.parameters = try ExamParameters(settingsText: "three-way-handshake:2:10")
        let (start, server) = try Self.start(store: store, exam: other)
        let effects = ClassLinkEffects(link: start.link, timeoutMilliseconds: 2_000)
        let started = sitting.begin(at: Self.now())
        let begin = try #require(started)
        let refused = effects.perform(.appendToExamLog([begin]))
        #expect(
            refused
                == .failed(
                    .appendToExamLog([begin]),
                    reason:
                        "this class's exam is three-way-handshake:2:10; an exam with other settings cannot be started"))
        start.link.close()
        server.join()
        #expect(try store.sittingsForGrading().isEmpty)

        // The server goes away: the answer is not accepted, and the student is told the server is gone.
        let (tutorEnd, serverEnd) = try SocketPair.make()
        close(serverEnd)
        let orphan = ClassLinkEffects(link: ClassLinkConnection(descriptor: tutorEnd), timeoutMilliseconds: 2_000)
        let question = try #require(sitting.currentQuestion)
        let entries = try sitting.submit(RightAnswer.typed(question.quiz), at: Self.now())
        guard case .failed(let effect, let reason)? = orphan.perform(.appendToExamLog(entries)) else {
            Issue.record("a write to a server that is gone should fail")
            return
        }
        #expect(effect == .appendToExamLog(entries))
        #expect(reason.hasPrefix("the class server is gone"))
    }
}
