import LessonKit
import Testing

@testable import TutorSession

/// The grader works on logs' contents handed to it (`CollectedExamLog`), never on files: storage reads them.
@Suite("Exam grading from collected contents")
struct ExamGraderContentsTests {
    let grader = ExamGrader(key: ExamFixtures.key, lessons: FixtureLessons())

    @Test("a log that could not be read is broken with the reason; identical copies count once")
    func contentsOnly() {
        let empty = CollectedExamLog(path: "first/ada.examlog", fileStudent: "ada", bytes: .success([]))
        let copy = CollectedExamLog(path: "second/ADA.examlog", fileStudent: "ADA", bytes: .success([]))
        let unreadable = CollectedExamLog(
            path: "first/bo.examlog", fileStudent: "bo",
            bytes: .failure(.log("cannot read first/bo.examlog: Permission denied")))
        let report = grader.grade(logs: [empty, unreadable, copy])
        #expect(report.students.map(\.student) == ["ada", "bo"])
        let ada = report.students[0]
        #expect(!ada.begun)
        #expect(ada.issues.map(\.text).contains("the same log is also in second/ADA.examlog; counted once"))
        let bo = report.students[1]
        #expect(bo.status == .broken)
        #expect(bo.issues.map(\.text) == ["exam log: cannot read first/bo.examlog: Permission denied"])
    }

    @Test("two different logs for one student are both broken")
    func differentCopies() {
        let empty = CollectedExamLog(path: "a/cy.examlog", fileStudent: "cy", bytes: .success([]))
        let other = CollectedExamLog(path: "b/cy.examlog", fileStudent: "cy", bytes: .success(Array("x".utf8)))
        let report = grader.grade(logs: [empty, other])
        #expect(report.students.count == 2)
        #expect(report.students.allSatisfy { $0.status == .broken })
        #expect(
            report.students.allSatisfy {
                $0.issues.map(\.text).contains("student 'cy' has 2 different logs: a/cy.examlog, b/cy.examlog")
            })
    }
}
