import ClassLink
import ClassStore
import Foundation
import TCPTutorTestSupport
import Testing
import TutorClassLink
import TutorSession

/// Figures for DECISIONS.md, printed by the test (not timed: a busy machine is slower, not wrong).
@Suite("Tutor storage over the class link: what the student waits for")
struct LinkLatencyTests {
    @Test("answers sent by the tutor, each committed to the store before it is acknowledged")
    func answerRoundTrip() throws {
        let (store, _) = try StoreFixtures.store()
        let parameters = ClassLinkEffectsTests.parameters
        let exam = StudentLinkRequests.Exam(version: 1, parameters: parameters, fingerprint: "f")
        let (start, server) = try ClassLinkEffectsTests.start(store: store, exam: exam)
        let effects = ClassLinkEffects(link: start.link)
        let begin = ExamLogEntry(
            kind: .start, student: "ada", time: 0,
            start: ExamLogRecord.Start(version: 1, parameters: parameters, fingerprint: "f"))
        #expect(effects.perform(.appendToExamLog([begin])) == nil)
        let answers = 300
        var waits: [Duration] = []
        for question in 1...answers {
            let answer = ExamLogRecord.Answer(
                question: question, point: "three-way-handshake:14",
                fieldNames: ["flags": "S.", "seq": "\(question)", "ack": "0"], timeUp: false)
            let entry = ExamLogEntry(kind: .answer, student: "ada", time: 0, answer: answer)
            let started = ContinuousClock.now
            let failure = effects.perform(.appendToExamLog([entry]))
            waits.append(ContinuousClock.now - started)
            #expect(failure == nil)
        }
        #expect(effects.perform(.quit) == nil)
        server.join()
        #expect(try store.sittingsForGrading().first?.answers.count == answers)
        let sorted = waits.sorted()
        func milliseconds(_ duration: Duration) -> String {
            let (seconds, attoseconds) = duration.components
            return String(format: "%.2f ms", Double(seconds) * 1e3 + Double(attoseconds) / 1e15)
        }
        print(
            "class link: \(answers) answers acknowledged after their commit: median "
                + "\(milliseconds(sorted[answers / 2])), p90 \(milliseconds(sorted[answers * 9 / 10])), "
                + "max \(milliseconds(sorted[answers - 1]))")
    }
}
