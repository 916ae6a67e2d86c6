import ClassLink
import ClassStore
import Foundation
import TCPTutorTestSupport
import Testing
import TutorSession
import TutorStorage

/// The real `tcptutor` started as the class server starts it (`LinkedTutor`), the server's side played by
/// `StudentLinkRequests` on a real store: progress and exam answers go to the server and come back from it;
/// nothing is written on the machine the tutor runs on.
@Suite("The tutor program over the class link")
struct TutorProgramOverLinkTests {
    /// Runs `tcptutor --plain` with `input` and the link on descriptor 3; returns its output and the requests the
    /// server saw.
    static func run(
        _ input: String, store: SQLiteClassStore, home: URL
    ) throws -> (output: String, requests: [ClassMessage]) {
        let tutor = try LinkedTutor.start(["--plain"], home: home)
        let server = TestThread {
            ClassLinkEffectsTests.serve(tutor.serverEnd, store: store, exam: nil, mode: .selfPaced)
        }
        tutor.type(input)
        let output = try tutor.finish()
        let requests = server.join()
        close(tutor.serverEnd)
        return (output, requests)
    }

    @Test("the progress of a lesson is stored on the server, comes back at the next start, and no file is written")
    func progressLivesOnTheServer() throws {
        let (store, folder) = try StoreFixtures.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let home = folder.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)

        // Lesson 2, three steps on, back to the menu, quit.
        let first = try Self.run("2\n\n\n\nq\nq\n", store: store, home: home)
        #expect(first.output.contains("2. The three-way handshake (at step 3 of 12)"), "\(first.output)")
        #expect(first.requests.contains { if case .saveProgress = $0 { true } else { false } })
        // The tutor that quits says goodbye on its link: the server tells a student who left from a tutor that died.
        #expect(first.requests.last == .bye(reason: "the student left"), "\(first.requests)")
        let bytes = try #require(try store.progress(student: "ada"))
        let book = try ProgressBookFormat.decode(bytes).get()
        #expect(book["three-way-handshake"]?.step == 2)
        let files = FileManager.default.enumerator(atPath: home.path)?.allObjects as? [String] ?? []
        #expect(!files.contains { $0.hasSuffix("progress.json") }, "\(files)")

        // The next start shows where the student stopped, from the server's book.
        let second = try Self.run("q\n", store: store, home: home)
        #expect(second.output.contains("2. The three-way handshake (at step 3 of 12)"), "\(second.output)")
    }

    @Test("an exam over the link: killed with SIGKILL after two answers, resumed with both kept, full marks")
    func examSurvivesSIGKILL() throws {
        let (store, folder) = try StoreFixtures.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let home = folder.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let keyFile = folder.appendingPathComponent("exam.key")
        try Data("the class server's exam key, kept in DIR".utf8).write(to: keyFile)
        let parameters = ClassLinkEffectsTests.parameters
        // What a careful student types, question by question, from the same derivation as the tutor's.
        var derived = try ExamSitting(
            key: ClassLinkEffectsTests.key, studentID: "ada", parameters: parameters, lessons: Curriculum.folder,
            records: [], logName: "the class server")
        let exam = ClassLinkEffectsTests.exam(for: derived)
        _ = derived.begin(at: ClassLinkEffectsTests.now())
        var typed: [String] = []
        while let question = derived.currentQuestion {
            let answer = RightAnswer.typed(question.quiz)
            typed.append(question.quiz.fields.map { answer[$0] ?? "" }.joined(separator: "\n") + "\n")
            _ = try derived.submit(answer, at: ClassLinkEffectsTests.now())
        }
        try #require(typed.count == parameters.questionCount)
        let arguments = [
            "exam", "--lessons", parameters.lessons.joined(separator: ","), "--questions",
            "\(parameters.questionCount)", "--minutes", "30", "--student", "ada", "--key-file", keyFile.path,
            "--plain",
        ]

        let first = try LinkedTutor.start(arguments, home: home)
        let firstServer = TestThread { ClassLinkEffectsTests.serve(first.serverEnd, store: store, exam: exam) }
        first.type("\n" + typed[0] + typed[1])
        // Killed once the server holds both answers: nothing the tutor had accepted may be lost.
        var kept = 0
        for _ in 0..<200 where kept < 2 {
            kept = try store.sitting(student: "ada", settings: parameters.settingsText)?.answers.count ?? 0
            usleep(50_000)
        }
        #expect(kept == 2)
        first.kill9()
        firstServer.join()
        close(first.serverEnd)

        let second = try LinkedTutor.start(arguments, home: home)
        let secondServer = TestThread { ClassLinkEffectsTests.serve(second.serverEnd, store: store, exam: exam) }
        second.type(typed[2...].joined())
        let output = try second.finish()
        secondServer.join()
        close(second.serverEnd)
        #expect(output.contains("2 answers kept"), "\(output)")

        let state = try #require(try store.sittingsForGrading().first)
        let result = ExamGrader(key: ClassLinkEffectsTests.key, lessons: Curriculum.folder).grade(
            log: state.examLog(parameters: try ExamParameters(settingsText: state.sitting.settings)), fileStudent: "ada"
        )
        #expect(result.status == .ok && result.issues.isEmpty, "\(result.issues)")
        #expect(result.total == result.possible)
        let files = FileManager.default.enumerator(atPath: home.path)?.allObjects as? [String] ?? []
        #expect(!files.contains { $0.hasSuffix(".examlog") }, "\(files)")
    }
}
