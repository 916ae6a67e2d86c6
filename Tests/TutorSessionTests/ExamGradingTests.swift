import Foundation
import LessonKit
import Testing

@testable import TutorSession

@Suite("Exam grading: regenerate, verify, grade with the engine, report")
struct ExamGradingTests {
    let lessons = FixtureLessons()
    var grader: ExamGrader<FixtureLessons> { ExamGrader(key: ExamFixtures.key, lessons: lessons) }

    /// A class of three: one all right, one with the classic off-by-ones, one who stopped after two answers.
    func takeExams(in directory: URL) throws {
        let clock = ExamFixtures.ManualClock()
        let good = try ExamSitting(
            directory: directory, key: ExamFixtures.key, studentID: "ada", parameters: ExamFixtures.parameters,
            lessons: lessons, clock: clock.read)
        while let question = good.currentQuestion {
            clock.advance(minutes: 1)
            _ = try good.submit(ExamFixtures.rightAnswer(question.quiz))
        }
        let sloppy = try ExamSitting(
            directory: directory, key: ExamFixtures.key, studentID: "bob", parameters: ExamFixtures.parameters,
            lessons: lessons, clock: clock.read)
        while let question = sloppy.currentQuestion {
            var typed = ExamFixtures.rightAnswer(question.quiz)
            if case .number(let ack) = question.quiz.expectedTypedAck { typed[.ack] = String(ack &- 1) }
            _ = try sloppy.submit(typed)
        }
        let quitter = try ExamSitting(
            directory: directory, key: ExamFixtures.key, studentID: "cy", parameters: ExamFixtures.parameters,
            lessons: lessons, clock: clock.read)
        for _ in 0..<2 { _ = try quitter.submit(ExamFixtures.rightAnswer(try #require(quitter.currentQuestion).quiz)) }
    }

    @Test("each student's exam is regenerated and their answers graded by the engine; CSV and summary")
    func classReport() throws {
        let directory = ExamFixtures.directory()
        try takeExams(in: directory)
        let report = try grader.grade(directories: [directory])
        #expect(report.students.map(\.student) == ["ada", "bob", "cy"])
        let ada = report.students[0]
        #expect(ada.status == "ok" && ada.total == ada.possible && ada.possible > 0 && ada.finished)
        #expect(ada.elapsed == 5 * 60_000)
        let bob = report.students[1]
        #expect(bob.status == "ok" && bob.total < bob.possible)
        let bobMistakes = Set(bob.feedback.values.flatMap(\.fields).compactMap(\.mistake))
        #expect(!bobMistakes.isEmpty)
        #expect(bobMistakes.isSubset(of: [.synOccupiesOne, .finOccupiesOne, .lastByteInsteadOfNext, .offByOne]))
        #expect(
            bob.feedback.values.flatMap(\.fields).filter { $0.field == .ack && !$0.isCorrect }.allSatisfy {
                $0.mistake != nil
            })
        #expect(report.students[2].status == "incomplete" && report.students[2].feedback.count == 2)

        let csv = report.csv.split(separator: "\n").map(String.init)
        #expect(csv[0] == "student,status,q1,q2,q3,q4,q5,total,max,minutes,issues")
        #expect(csv.count == 4)
        #expect(csv[1].hasPrefix("ada,ok,") && csv[1].hasSuffix(",\(ada.total),\(ada.possible),5.00,"))
        #expect(csv[3].hasPrefix("cy,incomplete,") && csv[3].contains(",0,0,0,"))

        let summary = report.summaryCSV.split(separator: "\n").map(String.init)
        #expect(summary[0] == "question,asked,answered,all_right,mean_points,max_points,sender,flags,seq,ack,len,state")
        #expect(summary[1].hasPrefix("q1,3,3,"))
        #expect(summary.contains { $0.hasPrefix("q5,3,2,1,") })
        #expect(summary.contains { $0.hasPrefix("handshake:") })
    }

    @Test("scores written into the log by the client are ignored: only the answers count")
    func clientScoresIgnored() throws {
        let directory = ExamFixtures.directory()
        try takeExams(in: directory)
        let url = directory.appendingPathComponent("bob.examlog")
        let honest = grader.grade(file: url)
        var lines = try ExamFixtures.lines(url).filter { !$0.isEmpty }
        lines = lines.map { $0.replacingOccurrences(of: #""fields":"#, with: #""score":100,"points":9,"fields":"#) }
        let edited = ExamLogCodec.read(Array((lines.joined(separator: "\n") + "\n").utf8))
        #expect(edited.problem != nil)
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        let graded = grader.grade(file: url)
        #expect(graded.status == "broken")
        #expect(graded.total <= honest.total)
    }

    @Test("a re-chained log with a client score still gets the grade its answers earn")
    func rechainedScore() throws {
        let directory = ExamFixtures.directory()
        try takeExams(in: directory)
        let url = directory.appendingPathComponent("bob.examlog")
        let honest = grader.grade(file: url)
        let text = try ExamFixtures.lines(url).filter { !$0.isEmpty }.map {
            $0.replacingOccurrences(of: #""fields":"#, with: #""score":100,"fields":"#)
        }
        let records = try text.map { line -> ExamLogRecord in
            let json = line.drop { $0 != "," }.dropFirst(#","record":"#.count).dropLast()
            return try JSONDecoder().decode(ExamLogRecord.self, from: Data(json.utf8))
        }
        try ExamFixtures.rechain(records).write(to: url)
        let graded = grader.grade(file: url)
        #expect(graded.status == "ok")
        #expect(graded.total == honest.total && graded.total < graded.possible)
    }

    @Test("broken, foreign and forged logs are flagged")
    func brokenLogs() throws {
        let directory = ExamFixtures.directory()
        try takeExams(in: directory)
        let ada = directory.appendingPathComponent("ada.examlog")
        var records = try ExamLogFile.read(ada).records

        try FileManager.default.copyItem(at: ada, to: directory.appendingPathComponent("eve.examlog"))
        let copied = grader.grade(file: directory.appendingPathComponent("eve.examlog"))
        #expect(copied.status == "broken" && copied.issues[0].text.contains("for student 'ada'"))

        var unknown = records
        unknown[3].answer?.question = 99
        try ExamFixtures.rechain(unknown).write(to: ada)
        let unknownResult = grader.grade(file: ada)
        #expect(unknownResult.status == "broken")
        #expect(unknownResult.issues.contains { $0.text.contains("unknown question 99") })

        var swapped = records
        swapped[3].answer?.point = "close:999"
        try ExamFixtures.rechain(swapped).write(to: ada)
        #expect(grader.grade(file: ada).issues.contains { $0.text.contains("unknown question") })

        try ExamFixtures.rechain(records).write(to: ada)
        let other = ExamGrader(key: ExamFixtures.otherKey, lessons: lessons).grade(file: ada)
        #expect(other.status == "broken" && other.issues.contains { $0.text.contains("fingerprint") })

        records[4].time = records[0].time + 31 * 60_000
        try ExamFixtures.rechain(records).write(to: ada)
        let late = grader.grade(file: ada)
        #expect(late.issues.contains { $0.text.contains("after the time") })
        #expect(late.feedback.count == 4 && late.status == "incomplete")

        var lines = try ExamFixtures.lines(directory.appendingPathComponent("cy.examlog"))
        lines[1] = lines[1].replacingOccurrences(of: #""question":1"#, with: #""question":2"#)
        try lines.joined(separator: "\n").write(
            to: directory.appendingPathComponent("cy.examlog"), atomically: true, encoding: .utf8)
        let edited = grader.grade(file: directory.appendingPathComponent("cy.examlog"))
        #expect(edited.status == "broken" && edited.feedback.isEmpty)
        #expect(edited.issues.contains { $0.text.contains("line 2") })
    }

    @Test("a student whose settings differ from the class is flagged; CSV cells are quoted")
    func settingsAndQuoting() throws {
        let directory = ExamFixtures.directory()
        try takeExams(in: directory)
        let odd = ExamParameters(lessons: ["close"], questionCount: 2, minutes: 30)
        let dan = try ExamSitting(
            directory: directory, key: ExamFixtures.key, studentID: "dan", parameters: odd, lessons: lessons)
        while let question = dan.currentQuestion { _ = try dan.submit(ExamFixtures.rightAnswer(question.quiz)) }
        let report = try grader.grade(directories: [directory])
        let row = try #require(report.students.first { $0.student == "dan" })
        #expect(row.status == "ok" && row.issues.contains { $0.text.contains("differ from the rest") })
        #expect(report.csv.contains("dan,ok,"))
        #expect(ExamReport.csvField("a, \"b\"") == "\"a, \"\"b\"\"\"")
        #expect(ExamReport.decimal(2.5) == "2.50" && ExamReport.decimal(0.04) == "0.04")
    }
}

@Suite("Exams on the real lessons")
struct ExamCurriculumTests {
    let parameters = ExamParameters(
        lessons: ["three-way-handshake", "four-way-teardown", "sequence-wrap", "connection-refused"],
        questionCount: 8, minutes: 20)

    @Test("an exam drawn from the curriculum: fresh numbers per student, regenerated and graded by the engine")
    func curriculumExam() throws {
        let lessons = Curriculum.folder
        let directory = ExamFixtures.directory()
        var sat: [String: [QuizQuestion]] = [:]
        for student in ["s1", "s2"] {
            let exam = try ExamSitting(
                directory: directory, key: ExamFixtures.key, studentID: student, parameters: parameters,
                lessons: lessons)
            #expect(exam.questions.count == 8)
            sat[student] = exam.questions.map(\.quiz)
            while let question = exam.currentQuestion {
                _ = try exam.submit(ExamFixtures.rightAnswer(question.quiz))
            }
        }
        #expect(sat["s1"]!.map(\.segment.seq) != sat["s2"]!.map(\.segment.seq))
        let report = try ExamGrader(key: ExamFixtures.key, lessons: lessons).grade(directories: [directory])
        #expect(report.students.map(\.status) == ["ok", "ok"])
        #expect(report.students.allSatisfy { $0.total == $0.possible && $0.possible > 0 })
        let again = try ExamBlueprint.derive(
            key: ExamFixtures.key, studentID: "s1", parameters: parameters, pool: lessons.pool(parameters.lessons))
        #expect(try ExamQuestion.all(again, lessons: lessons).map(\.quiz) == sat["s1"]!)
    }
}
