import ClassLink
import ClassStore
import LessonKit
import TCPTutorTestSupport
import Testing
import TutorSession

/// What `class grade` does with the store: each sitting's answers, as committed, regenerated and graded by the
/// engine from the key and the student's id, with the grader that grades exam logs.
@Suite("Class store: sittings graded by the engine")
struct GradingFromStoreTests {
    static let key = try! ExamKey(bytes: Array("the class server's exam key, kept in DIR".utf8))
    static let parameters = ExamParameters(
        lessons: ["three-way-handshake", "four-way-teardown"], questionCount: 4, minutes: 30)

    @Test("right answers committed through the store grade full marks; a refused second answer changes nothing")
    func fullMarks() throws {
        let (store, _) = try StoreFixtures.store()
        let exam = try ExamSitting(
            key: Self.key, studentID: "ada", parameters: Self.parameters, lessons: Curriculum.folder, records: [],
            logName: "class store")
        let begin = try store.beginSitting(
            SittingRequest(
                student: "ada", settings: StoreFixtures.settings, fingerprint: exam.blueprint.fingerprint,
                startedAt: StoreFixtures.start, deadline: StoreFixtures.deadline))
        let id = StoreFixtures.sittingID(begin)
        for (offset, question) in exam.questions.enumerated() {
            let typed = RightAnswer.typed(question.quiz)
            let answer = ExamAnswer(
                question: UInt32(question.plan.number), point: question.plan.point.id,
                fields: Dictionary(uniqueKeysWithValues: typed.map { ($0.key.rawValue, $0.value) }))
            let outcome = try store.commitAnswer(
                answer, sitting: id, at: StoreFixtures.start + Int64(offset + 1) * 60_000)
            guard case .committed = outcome else {
                Issue.record("question \(question.plan.number) refused: \(outcome)")
                return
            }
        }
        // A student who tries to change the first answer is refused; the right one stands.
        let first = try #require(exam.questions.first)
        let wrong = ExamAnswer(
            question: UInt32(first.plan.number), point: first.plan.point.id,
            fields: ["flags": "R", "seq": "0", "ack": "0"])
        #expect(
            try store.commitAnswer(wrong, sitting: id, at: StoreFixtures.start + 300_000)
                == .refused(.alreadyAnswered(question: 1)))
        try store.finishSitting(id, at: StoreFixtures.start + 301_000, timeUp: false)

        let grader = ExamGrader(key: Self.key, lessons: Curriculum.folder)
        let states = try store.sittingsForGrading()
        #expect(states.count == 1)
        let result = grader.grade(
            log: states[0].examLog(parameters: Self.parameters), fileStudent: states[0].sitting.student)
        #expect(result.issues.isEmpty, "\(result.issues)")
        #expect(result.status == .ok)
        #expect(result.questionCount == 4 && result.feedback.count == 4)
        #expect(result.total == result.possible && result.possible > 0)
        #expect(result.finished)
        #expect(result.elapsed == 301_000)
        let report = ExamReport(students: [result], expectedQuestions: 4)
        #expect(report.csv.contains("ada,ok,"))
    }

    @Test("a sitting whose fingerprint is not the exam the key gives the student is marked broken")
    func otherExamIsBroken() throws {
        let (store, _) = try StoreFixtures.store()
        let id = StoreFixtures.sittingID(try store.beginSitting(StoreFixtures.request("ada")))
        _ = try store.commitAnswer(StoreFixtures.answer(1), sitting: id, at: StoreFixtures.start + 1)
        let state = try #require(try store.sittingsForGrading().first)
        let result = ExamGrader(key: Self.key, lessons: Curriculum.folder).grade(
            log: state.examLog(parameters: Self.parameters), fileStudent: "ada")
        #expect(result.status == .broken)
        #expect(result.issues.contains { $0.text.contains("fingerprint differs") })
    }
}
